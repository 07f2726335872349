using Governance.Meetings;
using Governance.Records.Pdf;

namespace Governance.Minutes;

public static class GetCurrentMinutesEndpoint
{
    /// <summary>
    /// The minutes of a meeting as they stand, with status and version. Approved minutes are public records; drafts
    /// need sign-in.
    /// </summary>
    [AllowAnonymous]
    [ProducesResponseType<MinutesDocument>(StatusCodes.Status200OK)]
    [WolverineGet("/api/meetings/{meetingId}/minutes", OperationId = "GetCurrentMinutes")]
    public static async Task<IResult> Get(
        Guid meetingId,
        ClaimsPrincipal user,
        IQuerySession session,
        MinutesPublication publication,
        CancellationToken ct
    )
    {
        var (minutes, refusal) = await Load(meetingId, user, session, publication, ct);
        return refusal ?? Results.Json(minutes);
    }

    /// <summary>The same minutes as a printable HTML document in Swedish.</summary>
    [AllowAnonymous]
    [WolverineGet("/api/meetings/{meetingId}/minutes.html", OperationId = "GetPrintableMinutes")]
    public static async Task<IResult> GetHtml(
        Guid meetingId,
        ClaimsPrincipal user,
        IQuerySession session,
        MinutesPublication publication,
        HttpResponse response,
        CancellationToken ct
    )
    {
        var (minutes, refusal) = await Load(meetingId, user, session, publication, ct);
        if (refusal is not null)
            return refusal;
        response.Headers.ContentSecurityPolicy = MinutesHtml.ContentSecurityPolicy;
        return Results.Content(await publication.HtmlAsync(minutes!), "text/html; charset=utf-8");
    }

    /// <summary>
    /// The same minutes as PDF/A-2b, the copy the registries file; public once approved, as they are.
    /// </summary>
    [AllowAnonymous]
    [ProducesResponseType<byte[]>(StatusCodes.Status200OK, "application/pdf")]
    [WolverineGet("/api/meetings/{meetingId}/minutes.pdf", OperationId = "GetMinutesPdf")]
    public static async Task<IResult> GetPdf(
        Guid meetingId,
        ClaimsPrincipal user,
        IDocumentSession session,
        MinutesPublication publication,
        CancellationToken ct
    )
    {
        // The file kept for the minutes as they stand is sent from the meeting's header alone.
        var (header, kept) = await MinutesPublication.KeptAsync(session, meetingId, ct);
        if (Refusal(meetingId, header, user) is { } refused)
            return refused;
        if (kept is not null)
            return Results.File(
                kept.Pdf.Content,
                kept.Pdf.ContentType,
                MinutesPublication.FileName(header!.Date, kept.Version)
            );
        // None kept for this version yet: made now.
        var (minutes, refusal) = await Load(meetingId, user, session, publication, ct);
        if (refusal is not null)
            return refusal;
        var (pdf, fileName) = await publication.MakePdfAsync(session, minutes!, ct);
        return Results.File(pdf.Content, pdf.ContentType, fileName);
    }

    private static async Task<(MinutesDocument? Minutes, IResult? Refusal)> Load(
        Guid meetingId,
        ClaimsPrincipal user,
        IQuerySession session,
        MinutesPublication publication,
        CancellationToken ct
    )
    {
        var meeting = await MinutesPublication.MeetingAsync(session, meetingId, ct);
        if (Refusal(meetingId, meeting, user) is { } refused)
            return (null, refused);
        // Approved minutes print the chain hash at approval: sealed through it first (a second or two at most).
        return (await publication.LoadAsync(session, meeting!, sealFirst: meeting!.Approval is not null, ct), null);
    }

    /// <summary>No such meeting; or minutes not yet approved, which are working papers of the signed-in.</summary>
    private static IResult? Refusal(Guid meetingId, Meeting? meeting, ClaimsPrincipal user) =>
        meeting is null ? Results.Problem(Problems.NotFound($"Det finns inget sammanträde med id {meetingId}."))
        // The minutes are public once approved (PublicView).
        : user.Identity?.IsAuthenticated != true && !PublicView.Of(meeting).Record ? Results.Unauthorized()
        : null;
}
