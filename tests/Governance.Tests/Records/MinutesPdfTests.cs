using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Governance.Municipalities;
using Governance.Tests.Support;
using UglyToad.PdfPig;

namespace Governance.Tests.Records;

public sealed partial class MinutesPdfTests(AppFixture fixture) : RecordedMeeting(fixture)
{
    [Fact]
    public async Task the_approved_minutes_are_a_public_pdf_a_2b_with_every_decision_embedded_fonts_and_the_chain_hash()
    {
        var meeting = await RecordMeetingWithMinutes();

        // not signed in
        var response = await Host.Server.CreateClient().GetAsync($"/api/meetings/{meeting}/minutes.pdf");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        // Read again: the file kept for this version of the minutes, byte for byte.
        var again = await Host.Server.CreateClient().GetAsync($"/api/meetings/{meeting}/minutes.pdf");
        Assert.Equal("application/pdf", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await again.Content.ReadAsByteArrayAsync());
        Assert.Matches(
            @"^minnesanteckningar-\d{4}-\d{2}-\d{2}-version-\d+\.pdf$",
            again.Content.Headers.ContentDisposition?.FileName
        );
        Assert.Equal(
            response.Content.Headers.ContentDisposition?.FileName,
            again.Content.Headers.ContentDisposition?.FileName
        );

        var text = Text(pdf);
        Assert.Contains(Words(FirstDecision), text, StringComparison.Ordinal);
        Assert.Contains(Words(CorrectedWording), text, StringComparison.Ordinal); // the minutes as corrected
        Assert.Contains("Yttrande över länsplanen för transportinfrastruktur", text, StringComparison.Ordinal);
        foreach (var swedish in new[] { "å", "ä", "ö", "Å", "Ä", "Ö", "§ 1", "§ 2" })
            Assert.Contains(swedish, text, StringComparison.Ordinal);

        var (part, conformance) = PdfAIdentification(pdf);
        Assert.Equal(("2", "B"), (part, conformance));
        var fonts = await PdfFontsAsync(pdf);
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.True(f.Embedded, $"font {f.Name} is not embedded"));

        // The chain hash at approval is printed, and the service knows it as the seal of the approval.
        var approval = await SequenceOf("minutes_approved");
        var printed = ChainHash().Matches(text).Select(m => m.Value).First();
        var anchor = await Get<JsonElement>($"/api/records/anchors/{printed}");
        Assert.Equal(approval, anchor.GetProperty("sequence").GetInt64());
        Assert.Equal(meeting, anchor.GetProperty("streamId").GetGuid());
    }

    [Fact]
    public async Task the_registries_get_the_pdf_by_mail_and_by_webhook_with_the_chain_hash_in_the_html()
    {
        await using var receiver = await TestWebhookReceiver.StartAsync();
        Smtp.Start();
        var meeting = await ApprovedMinutesSentByMailAndWebhookAsync(receiver);
        var approvalHash = await Scalar<string>(
            "select s.chain_hash from governance.record_seal s join governance.mt_events e "
                + "on e.seq_id = s.seq_id where e.type = 'minutes_approved'"
        );

        var mail = Smtp.Received.First();
        Assert.Contains(approvalHash!, mail.HtmlBody, StringComparison.Ordinal);
        var attachment = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        var mailed = content.ToArray();
        Assert.Contains(approvalHash!, Text(mailed), StringComparison.Ordinal);
        Assert.Equal(("2", "B"), PdfAIdentification(mailed));

        using var call = JsonDocument.Parse(Assert.Single(receiver.Calls).Body);
        Assert.Contains(approvalHash!, call.RootElement.GetProperty("html").GetString(), StringComparison.Ordinal);
        var file = Assert.Single(call.RootElement.GetProperty("attachments").EnumerateArray());
        var bytes = Convert.FromBase64String(file.GetProperty("content").GetString()!);
        Assert.Equal("application/pdf", file.GetProperty("contentType").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.GetProperty("sha256").GetString());
        Assert.Equal(mailed, bytes);
        // The download gives the same document the registries filed.
        Assert.Equal(
            mailed,
            await Host.Server.CreateClient().GetByteArrayAsync($"/api/meetings/{meeting}/minutes.pdf")
        );
    }

    [Fact]
    public async Task a_correction_goes_out_by_mail_and_webhook_as_pdf_a_with_the_new_text_and_its_chain_hash()
    {
        await using var receiver = await TestWebhookReceiver.StartAsync();
        Smtp.Start();
        var meeting = await ApprovedMinutesSentByMailAndWebhookAsync(receiver);
        const string corrected =
            "Kommittén noterade informationen om kollektivtrafikplanen; Tyresö och Nynäshamn återkommer.";
        await Act(
            meeting,
            "/minutes/corrections",
            new
            {
                target = "text",
                newText = corrected,
                what = "Anteckningen kompletterad",
                why = "Två kommuners besked saknades.",
            },
            ChairToken
        );
        await WaitFor(
            s =>
                s.Documents.Any(d =>
                    d.Kind == Governance.Distribution.DocumentKinds.MinutesCorrection
                    && d.Deliveries.Count == 8
                    && d.Deliveries.All(x => x.Status == Governance.Distribution.DeliveryStatus.Sent)
                ),
            seconds: 60
        );
        var correctionHash = await Scalar<string>(
            "select s.chain_hash from governance.record_seal s join governance.mt_events e "
                + "on e.seq_id = s.seq_id where e.type = 'minutes_corrected'"
        );

        var mail = Smtp.Received.Single(m =>
            m.Subject!.StartsWith("Rättelse", StringComparison.Ordinal)
            && m.To.ToString().Contains("registrator@botkyrka.se", StringComparison.Ordinal)
        );
        var attachment = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        var mailed = content.ToArray();
        Assert.Equal(("2", "B"), PdfAIdentification(mailed));
        Assert.All(await PdfFontsAsync(mailed), f => Assert.True(f.Embedded, $"font {f.Name} is not embedded"));
        var text = Text(mailed);
        Assert.Contains(Words(corrected), text, StringComparison.Ordinal);
        Assert.Contains("Två kommuners besked saknades.", text, StringComparison.Ordinal);
        Assert.Contains(correctionHash!, text, StringComparison.Ordinal);

        Assert.Equal(2, receiver.Calls.Count);
        using var call = JsonDocument.Parse(receiver.Calls.Last().Body);
        Assert.Contains(correctionHash!, call.RootElement.GetProperty("html").GetString(), StringComparison.Ordinal);
        var file = Assert.Single(call.RootElement.GetProperty("attachments").EnumerateArray());
        Assert.Equal(mailed, Convert.FromBase64String(file.GetProperty("content").GetString()!));
        Assert.Equal(
            mailed,
            await Host.Server.CreateClient().GetByteArrayAsync($"/api/meetings/{meeting}/minutes.pdf")
        );
    }

    [Fact]
    public async Task draft_minutes_have_no_public_pdf()
    {
        await GivenSodertornWithAllRepresentatives();
        var meeting = await Schedule();
        await Act(meeting, "/agenda", new { title = "Information", kind = "information" }, ChairToken);
        var anonymous = await Host.Server.CreateClient().GetAsync($"/api/meetings/{meeting}/minutes.pdf");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    /// <summary>The text as a reader copies it: whitespace (line breaks of the layout) as single spaces.</summary>
    internal static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Words(
            string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))))
        );
    }

    /// <summary>Nykvarn takes its documents by webhook, the others by mail; minutes approved and sent to all.</summary>
    private async Task<Guid> ApprovedMinutesSentByMailAndWebhookAsync(TestWebhookReceiver receiver)
    {
        await GivenSodertornWithAllRepresentatives();
        await GivenNykvarnByWebhook(receiver.Url, "nykvarns-hemlighet");
        var meeting = await ApprovedMinutes();
        await WaitFor(s =>
            s.Documents.Any(d =>
                d.Deliveries.Count == 8
                && d.Deliveries.All(x => x.Status == Governance.Distribution.DeliveryStatus.Sent)
            )
        );
        return meeting;
    }

    /// <summary>Single spaces, and none where the layout broke a line after a dash (2022–2033).</summary>
    private static string Words(string text) =>
        Whitespace().Replace(text, " ").Replace("– ", "–", StringComparison.Ordinal).Trim();

    internal static (string Part, string Conformance) PdfAIdentification(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        Assert.True(document.TryGetXmpMetadata(out var xmp), "no XMP metadata");
        XNamespace id = "http://www.aiim.org/pdfa/ns/id/";
        var xml = xmp.GetXDocument();
        return (xml.Descendants(id + "part").Single().Value, xml.Descendants(id + "conformance").Single().Value);
    }

    internal static async Task<IReadOnlyList<(string Name, bool Embedded)>> PdfFontsAsync(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdffonts", [file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            // name, type (may hold spaces), encoding, emb, sub, uni, object, generation: emb is the
            // fifth column from the end.
            return
            [
                .. output
                    .Split('\n')
                    .Skip(2)
                    .Where(l => l.Trim().Length > 0)
                    .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    .Select(c => (c[0], c[^5] == "yes")),
            ];
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex ChainHash();
}
