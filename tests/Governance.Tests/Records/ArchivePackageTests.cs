using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Governance.Records.Chain;
using Governance.Tests.Support;

namespace Governance.Tests.Records;

public sealed partial class ArchivePackageTests(AppFixture fixture) : RecordedMeeting(fixture)
{
    private const string Root = "sodertornskommunernas-samarbetskommitte-2020/";
    private static readonly XNamespace M = "http://www.loc.gov/METS/";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    [Fact]
    public async Task a_year_exports_as_a_package_whose_mets_lists_every_file_with_its_checksum_and_size()
    {
        await RecordMeetingWithMinutes();
        var files = Entries(await Export());

        var mets = XDocument.Parse(System.Text.Encoding.UTF8.GetString(files[Root + "METS.xml"]));
        var listed = mets.Descendants()
            .Where(e => e.Attribute("CHECKSUM") is not null)
            .ToDictionary(
                e => Root + (e.Element(M + "FLocat") ?? e).Attribute(XLink + "href")!.Value,
                e =>
                    (
                        Sha256: e.Attribute("CHECKSUM")!.Value,
                        Size: long.Parse(e.Attribute("SIZE")!.Value, System.Globalization.CultureInfo.InvariantCulture)
                    )
            );
        Assert.Equal(files.Keys.Where(k => k != Root + "METS.xml").Order(), listed.Keys.Order());
        foreach (var (path, (sha256, size)) in listed)
        {
            Assert.Equal(Convert.ToHexString(SHA256.HashData(files[path])), sha256);
            Assert.Equal(files[path].LongLength, size);
        }

        var pdf = Assert
            .Single(
                files,
                f =>
                    f.Key.StartsWith(Root + "representations/rep1/data/minnesanteckningar/", StringComparison.Ordinal)
                    && f.Key.EndsWith(".pdf", StringComparison.Ordinal)
            )
            .Value;
        Assert.Equal(("2", "B"), MinutesPdfTests.PdfAIdentification(pdf));
        Assert.Contains(
            FirstDecision,
            System.Text.Encoding.UTF8.GetString(files[Root + "representations/rep1/data/beslut/beslut-2020.json"]),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "\"parties\"",
            System.Text.Encoding.UTF8.GetString(
                files[Root + "representations/rep1/data/avtal/samarbetsavtal-2020-12-31.json"]
            ),
            StringComparison.Ordinal
        );
        var agreementText = System.Text.Encoding.UTF8.GetString(
            files[Root + "representations/rep1/data/avtal/samarbetsavtal-text-2020-12-31.json"]
        );
        Assert.Contains(
            "Kommitténs namn är Södertörnskommunernas samarbetskommitté.",
            agreementText,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "FGS Paketstruktur",
            System.Text.Encoding.UTF8.GetString(files[Root + "documentation/LASMIG.txt"]),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task the_event_log_in_the_package_lets_an_archive_recompute_both_chains_without_the_service()
    {
        await RecordMeetingWithMinutes();
        await SealAsync();
        var files = Entries(await Export());
        using var log = JsonDocument.Parse(files[Root + "representations/rep1/data/handelser/handelser-2020.json"]);

        var events = log.RootElement.EnumerateArray().ToList();
        Assert.Equal(await EventCount(), events.Count);
        foreach (var e in events)
        {
            string? S(string name) =>
                e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();
            var hashed = new HashedEvent(
                e.GetProperty("id").GetGuid(),
                e.GetProperty("streamId").GetGuid(),
                e.GetProperty("version").GetInt64(),
                S("type")!,
                DateTimeOffset.Parse(S("timestamp")!, System.Globalization.CultureInfo.InvariantCulture),
                S("userName"),
                S("correlationId"),
                S("causationId"),
                CanonicalJson.Of(e.GetProperty("data"))
            );
            Assert.Equal(S("sha256"), EventHash.Of(hashed, S("previous")));
            var seal = e.GetProperty("seal");
            var previous =
                seal.GetProperty("previous").ValueKind == JsonValueKind.Null
                    ? null
                    : seal.GetProperty("previous").GetString();
            Assert.Equal(
                seal.GetProperty("chain").GetString(),
                EventHash.Seal(
                    S("sha256")!,
                    seal.GetProperty("position").GetInt64(),
                    previous,
                    e.GetProperty("sequence").GetInt64()
                )
            );
        }
    }

    [Fact]
    public async Task a_second_export_is_byte_identical_but_for_the_creation_date_and_the_command_writes_the_same()
    {
        await RecordMeetingWithMinutes();
        var first = await Export();
        Fixture.Clock.Set(Fixture.Clock.GetUtcNow().AddDays(40));
        var second = await Export();

        Assert.NotEqual(first, second);
        var (a, b) = (Entries(first), Entries(second));
        Assert.Equal(a.Keys, b.Keys); // the same files in the same order
        foreach (var path in a.Keys.Where(k => !k.EndsWith("METS.xml", StringComparison.Ordinal)))
            Assert.True(a[path].AsSpan().SequenceEqual(b[path]), $"{path} differs");
        Assert.NotEqual(CreateDate(a[Root + "METS.xml"]), CreateDate(b[Root + "METS.xml"]));
        Assert.Equal(WithoutCreateDate(a[Root + "METS.xml"]), WithoutCreateDate(b[Root + "METS.xml"]));

        var zip = Path.Combine(Directory.CreateTempSubdirectory("governance-archive").FullName, "sodertorn-2020.zip");
        await using (
            var command = ServiceProcess.Start(
                new Dictionary<string, string?>
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Development",
                    ["GOVERNANCE_DB"] = Fixture.ConnectionString,
                    ["Governance__LoadReferenceData"] = "false",
                },
                "export-archive",
                "--year",
                "2020",
                "--out",
                zip
            )
        )
        {
            Assert.True(await command.ExitCodeAsync(180) == 0, command.Output);
        }
        var exported = Entries(await File.ReadAllBytesAsync(zip));
        Assert.Equal(a.Keys, exported.Keys);
        foreach (var path in a.Keys.Where(k => !k.EndsWith("METS.xml", StringComparison.Ordinal)))
            Assert.True(a[path].AsSpan().SequenceEqual(exported[path]), $"{path} differs from the command's");
    }

    [Fact]
    public async Task the_archive_page_and_download_are_the_secretarys()
    {
        await RecordMeetingWithMinutes();
        var page = await Host.Scenario(s =>
        {
            s.Get.Url("/arkiv?ar=2020");
            s.WithBearerToken(SecretaryToken);
        });
        Assert.Contains("href=\"/api/archive/2020\"", page.ReadAsText(), StringComparison.Ordinal);
        Assert.Contains("<dt>Justerade minnesanteckningar</dt><dd>1</dd>", page.ReadAsText(), StringComparison.Ordinal);
        await Host.Scenario(s =>
        {
            s.Get.Url("/arkiv?ar=2020");
            s.WithBearerToken(MemberToken);
            s.StatusCodeShouldBe(403);
        });
        await Host.Scenario(s =>
        {
            s.Get.Url("/api/archive/2020");
            s.WithBearerToken(ChairToken);
            s.StatusCodeShouldBe(403);
        });
    }

    private async Task<byte[]> Export()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/api/archive/2020");
            s.WithBearerToken(SecretaryToken);
        });
        Assert.Equal("application/zip", result.Context.Response.ContentType);
        using var copy = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>The entries by name, in the order the ZIP holds them.</summary>
    private static Dictionary<string, byte[]> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        var entries = new Dictionary<string, byte[]>();
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            entries[entry.FullName] = copy.ToArray();
        }
        return entries;
    }

    private static string CreateDate(byte[] mets) =>
        CreateDateAttribute().Match(System.Text.Encoding.UTF8.GetString(mets)).Value;

    private static string WithoutCreateDate(byte[] mets) =>
        CreateDateAttribute().Replace(System.Text.Encoding.UTF8.GetString(mets), "");

    [GeneratedRegex("CREATEDATE=\"[^\"]+\"")]
    private static partial Regex CreateDateAttribute();
}
