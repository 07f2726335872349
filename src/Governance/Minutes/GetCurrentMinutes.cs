using Governance.Meetings;
using Governance.Municipalities;

namespace Governance.Minutes;

public static class GetCurrentMinutesEndpoint
{
    /// <summary>The minutes of a meeting as they stand, with status and version. Approved minutes are public records; drafts need sign-in.</summary>
    [AllowAnonymous]
    [ProducesResponseType<MinutesDocument>(StatusCodes.Status200OK)]
    [WolverineGet("/api/meetings/{meetingId}/minutes", OperationId = "GetCurrentMinutes")]
    public static async Task<IResult> Get(Guid meetingId, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var (minutes, refusal) = await Load(meetingId, user, session, ct);
        return refusal ?? Results.Json(minutes);
    }

    /// <summary>The same minutes as a printable HTML document in Swedish.</summary>
    [AllowAnonymous]
    [WolverineGet("/api/meetings/{meetingId}/minutes.html", OperationId = "GetPrintableMinutes")]
    public static async Task<IResult> GetHtml(Guid meetingId, ClaimsPrincipal user, IQuerySession session,
        HttpResponse response, CancellationToken ct)
    {
        var (minutes, refusal) = await Load(meetingId, user, session, ct);
        if (refusal is not null) return refusal;
        response.Headers.ContentSecurityPolicy = MinutesHtml.ContentSecurityPolicy;
        return Results.Content(MinutesHtml.Render(minutes!), "text/html; charset=utf-8");
    }

    private static async Task<(MinutesDocument? Minutes, IResult? Refusal)> Load(Guid meetingId, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<Meeting>(meetingId, ct) is not { } meeting)
            return (null, Results.Problem(Problems.NotFound($"Det finns inget sammanträde med id {meetingId}.")));
        // Drafts are working papers of the signed-in: the minutes are public once approved (PublicView).
        if (user.Identity?.IsAuthenticated != true && !PublicView.Of(meeting).Record)
            return (null, Results.Unauthorized());
        return (MinutesDocument.Of(meeting, await MunicipalityNames.LoadAsync(session, ct)), null);
    }
}
