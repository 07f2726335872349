using System.Security.Cryptography;
using System.Text;
using Governance.Infrastructure.Swedish;
using Governance.Meetings;
using Governance.Minutes;
using Governance.Records.Chain;

namespace Governance.Records.Pdf;

/// <summary>Which stored PDF holds the minutes of a meeting at one version: a PDF is made once and kept.</summary>
public sealed class MinutesPdfFile
{
    public string Id { get; set; } = "";
    public string Sha256 { get; set; } = "";
}

/// <summary>
/// The minutes as they go out: with the chain hashes of the approval and corrections, as HTML from the one template and
/// as PDF/A-2b made from that HTML.
/// </summary>
public sealed class MinutesPublication(
    MinutesRenderer renderer,
    ChromiumPdf chromium,
    RecordAnchors anchors,
    TimeProvider clock
)
{
    public const string Committee = "Södertörnskommunernas samarbetskommitté";

    /// <summary>
    /// The meeting whose minutes are read, with the names they show (remembered for the session) read in
    /// the same round trip; the anchors are one more.
    /// </summary>
    public static async Task<Meeting?> MeetingAsync(IQuerySession session, Guid meetingId, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var meeting = batch.Load<Meeting>(meetingId);
        var names = Municipalities.MunicipalityNames.Load(batch);
        await batch.Execute(ct);
        await names;
        return await meeting;
    }

    /// <summary>The minutes with their anchors; approved minutes about to go out are sealed through first.</summary>
    public async Task<MinutesDocument> LoadAsync(
        IQuerySession session,
        Meeting meeting,
        bool sealFirst,
        CancellationToken ct
    )
    {
        var minutes = MinutesDocument.Of(meeting, await Municipalities.MunicipalityNames.LoadAsync(session, ct));
        return minutes with { Anchors = await anchors.ForMinutesAsync(meeting.Id, sealFirst, ct) };
    }

    /// <summary>The whole printable document: the e-mail, the webhook, minutes.html and the PDF's source.</summary>
    public Task<string> HtmlAsync(MinutesDocument minutes) => renderer.DocumentAsync(minutes);

    /// <summary>The minutes without the page around them, for the minutes screen.</summary>
    public Task<string> ContentHtmlAsync(MinutesDocument minutes) => renderer.ContentAsync(minutes);

    public static string FileName(DateOnly date, int version) =>
        $"minnesanteckningar-{date:yyyy-MM-dd}-version-{version}.pdf";

    /// <summary>
    /// The meeting's header and the PDF kept for its minutes as they stand, in one round trip. A kept file is final
    /// (only one that carries its anchors is kept), so neither the minutes nor their anchors are read to send it.
    /// </summary>
    public static async Task<(Meeting? Header, KeptPdfQuery.Kept? Kept)> KeptAsync(
        IQuerySession session,
        Guid meetingId,
        CancellationToken ct
    )
    {
        var batch = session.CreateBatchQuery();
        var header = MeetingHeaders.Selected(batch, $"{MeetingHeaders.Ids} id = ?", [meetingId]);
        var kept = batch.AddItem(new KeptPdfQuery(meetingId));
        await batch.Execute(ct);
        return ((await header).SingleOrDefault(), await kept);
    }

    /// <summary>The stored PDF/A of these minutes at their version, made now if there is none yet.</summary>
    public async Task<(StoredDocument Pdf, string FileName)> PdfAsync(
        IDocumentSession session,
        MinutesDocument minutes,
        CancellationToken ct
    )
    {
        // The kept file through its key, in one round trip.
        var batch = session.CreateBatchQuery();
        var kept = batch.AddItem(new KeptPdfQuery(minutes.MeetingId, minutes.Version));
        await batch.Execute(ct);
        return await kept is { } stored
            ? (stored.Pdf, FileName(minutes.Date, minutes.Version))
            : await MakePdfAsync(session, minutes, ct);
    }

    /// <summary>The PDF/A of these minutes at their version, made now and stored (kept once it has anchors).</summary>
    public async Task<(StoredDocument Pdf, string FileName)> MakePdfAsync(
        IDocumentSession session,
        MinutesDocument minutes,
        CancellationToken ct
    )
    {
        var key = KeptPdfQuery.Key(minutes.MeetingId, minutes.Version);
        var fileName = FileName(minutes.Date, minutes.Version);
        var html = await HtmlAsync(minutes);
        var moment = minutes
            .Corrections.Select(c => c.CorrectedAt)
            .Append(minutes.Approval?.ApprovedAt ?? clock.GetUtcNow())
            .Max();
        var title = $"Minnesanteckningar {minutes.Date:yyyy-MM-dd} – {Labels.Of(minutes.Body)}";
        var subject = minutes.Anchors?.Approval is { } anchor
            ? $"Justerade minnesanteckningar, version {minutes.Version}. "
                + $"Händelseloggens kontrollsumma vid justeringen: {anchor.ChainHash}"
            : $"Minnesanteckningar, {Labels.Of(minutes.Status).ToLowerInvariant()}, version {minutes.Version}";
        var documentId = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(html)))[..32];
        var pdf = PdfA.Conform(
            await chromium.PrintAsync(html, ct),
            new PdfAInfo(title, Committee, subject, moment, documentId)
        );

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var document = new StoredDocument
        {
            Id = sha256,
            ContentType = "application/pdf",
            Size = pdf.Length,
            Content = pdf,
        };
        session.Store(document);
        // Only a PDF that carries its anchors is kept: one made before the seal caught up is made again next time.
        if (minutes.Approval is null || minutes.Anchors?.Approval is not null)
            session.Store(new MinutesPdfFile { Id = key, Sha256 = sha256 });
        await session.SaveChangesAsync(ct);
        return (document, fileName);
    }
}
