using System.IO.Compression;
using System.Security.Cryptography;
using System.Xml.Linq;
using Governance.Scenarios;
using Governance.Tests.Operations;
using Governance.Tests.Support;
using Npgsql;

namespace Governance.Tests.Records;

/// <summary>
/// A whole committee year recorded through the API (the shared scenario), then checked and exported by the operator's
/// commands as they are run in production: `verify` finds it intact, `export-archive` writes a package whose METS
/// holds every file's checksum, and an edit in SQL afterwards is named by `verify`.
/// </summary>
public sealed class CommitteeYearRecordsTests
{
    private const int Year = 2023;
    private static readonly TestClock Clock = new(new DateTimeOffset(Year + 1, 1, 20, 10, 0, 0, TimeSpan.FromHours(1)));
    private static readonly XNamespace M = "http://www.loc.gov/METS/";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    [Fact]
    public async Task a_recorded_year_verifies_exports_with_every_checksum_and_a_later_edit_is_named()
    {
        using var smtp = new TestSmtpServer();
        smtp.Start();
        var database = await TestDatabase.FreshDatabaseAsync("governance_records_year");
        var state = Directory.CreateTempSubdirectory("governance-records").FullName;
        CommitteeYearRecord year;
        await using (
            var host = await ServiceHost.StartAsync(
                Clock,
                database,
                smtp,
                new Dictionary<string, string?>
                {
                    ["Governance:ApplySchemaOnStart"] = "true",
                    ["Records:SealIntervalSeconds"] = "1",
                }
            )
        )
        {
            year = await CommitteeYear.RecordAsync(host.Service.Client, RunningService.Tokens, Year);
            await host.Service.WaitUntilDistributedAsync();
            await UntilEverythingIsSealedAsync(database);
        }

        var verified = await Cli(database, state, "verify");
        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Contains("The record is intact.", verified.Output, StringComparison.Ordinal);

        var zip = Path.Combine(state, $"sodertorn-{Year}.zip");
        var exported = await Cli(database, state, "export-archive", "--year", $"{Year}", "--out", zip);
        Assert.True(exported.ExitCode == 0, exported.ToString());
        using (var archive = ZipFile.OpenRead(zip))
        {
            var root = $"sodertornskommunernas-samarbetskommitte-{Year}/";
            var files = archive.Entries.ToDictionary(e => e.FullName, Content);
            var mets = XDocument.Parse(System.Text.Encoding.UTF8.GetString(files[root + "METS.xml"]));
            var listed = mets.Descendants()
                .Where(e => e.Attribute("CHECKSUM") is not null)
                .ToDictionary(
                    e => root + (e.Element(M + "FLocat") ?? e).Attribute(XLink + "href")!.Value,
                    e => e.Attribute("CHECKSUM")!.Value
                );
            Assert.Equal(files.Keys.Where(k => k != root + "METS.xml").Order(), listed.Keys.Order());
            Assert.All(listed, f => Assert.Equal(Convert.ToHexString(SHA256.HashData(files[f.Key])), f.Value));
            Assert.True(
                files.Keys.Count(k => k.EndsWith(".pdf", StringComparison.Ordinal)) >= year.CommitteeMeetings.Count,
                string.Join('\n', files.Keys)
            );
        }

        // The event log goes by the year each event was recorded in: all of it the following January here (the clock).
        var recorded = Path.Combine(state, $"sodertorn-{Year + 1}");
        exported = await Cli(database, state, "export-archive", "--year", $"{Year + 1}", "--out", recorded);
        Assert.True(exported.ExitCode == 0, exported.ToString());
        var logFile = Path.Combine(
            recorded,
            $"sodertornskommunernas-samarbetskommitte-{Year + 1}",
            "representations",
            "rep1",
            "data",
            "handelser",
            $"handelser-{Year + 1}.json"
        );
        using (var log = System.Text.Json.JsonDocument.Parse(await File.ReadAllBytesAsync(logFile)))
        {
            var events = log.RootElement.EnumerateArray().ToList();
            Assert.Equal(await ScalarAsync<long>(database, "select count(*) from governance.mt_events"), events.Count);
            Assert.All(
                events,
                e => Assert.Equal(System.Text.Json.JsonValueKind.Object, e.GetProperty("seal").ValueKind)
            );
        }

        var decision = await ScalarAsync<long>(
            database,
            "select seq_id from governance.mt_events where type = 'decision_recorded' order by seq_id offset 3 limit 1"
        );
        await ScalarAsync<object>(
            database,
            "update governance.mt_events set data = jsonb_set(data, '{wording}', "
                + $"'\"Beslutet ströks i efterhand.\"') where seq_id = {decision}"
        );
        var broken = await Cli(database, state, "verify");
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains($"Changed (händelse nr {decision}, post", broken.Output, StringComparison.Ordinal);
    }

    private static Task<OperatorCommands.Result> Cli(string database, string state, params string[] arguments) =>
        OperatorCommands.RunAsync(
            "dotnet",
            [Path.Combine(OperatorCommands.ServiceFolder, "Governance.dll"), .. arguments],
            OperatorCommands.ServiceSettings(database, state),
            OperatorCommands.ServiceFolder
        );

    private static async Task UntilEverythingIsSealedAsync(string database)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (
            await ScalarAsync<long>(
                database,
                "select count(*) from governance.mt_events e where not exists "
                    + "(select 1 from governance.record_seal s where s.seq_id = e.seq_id)"
            ) > 0
        )
        {
            Assert.True(DateTime.UtcNow < deadline, "the sealer did not catch up");
            await Task.Delay(500);
        }
    }

    private static byte[] Content(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
