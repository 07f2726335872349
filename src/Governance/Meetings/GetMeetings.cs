using Governance.Agreement;
using Governance.Municipalities;
using Governance.Offices;

namespace Governance.Meetings;

public sealed record MeetingSummary(
    Guid Id,
    Body Body,
    MeetingKind Kind,
    DateOnly Date,
    TimeOnly StartsAt,
    DateOnly EndDate,
    TimeOnly EndsAt,
    string HostMunicipalityCode,
    string? HostMunicipalityName,
    string Place,
    MeetingStatus Status,
    string? CancellationReason,
    bool NoticeIssued,
    bool MinutesApproved,
    int Version
);

public sealed record QuorumStatus(
    Guid MeetingId,
    DateOnly Date,
    TimeOnly At,
    int Members,
    int Present,
    int Required,
    bool Met,
    IReadOnlyList<PresentMember> PresentMembers
);

public sealed record PresentMember(string Code, string Name);

/// <summary>A year of meetings, in a class of its own: Wolverine runs Validate for every endpoint of a class.</summary>
public static class GetMeetingsOfYearEndpoint
{
    public static ProblemDetails Validate(int? year) => Dates.YearWithinBounds(year);

    /// <summary>
    /// The calendar of both bodies (or one), by year (this year unless given); cancelled meetings included and marked,
    /// those planned after the committee's dissolution as cancelled by it.
    /// </summary>
    [WolverineGet("/api/meetings", OperationId = "GetMeetings")]
    public static async Task<IReadOnlyList<MeetingSummary>> Get(
        int? year,
        Body? body,
        ClaimsPrincipal user,
        IQuerySession session,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        // One year at a time, this one unless asked: a list as long as the archive would grow without end.
        var y = year ?? clock.Today().Year;
        var batch = session.CreateBatchQuery();
        var ofYear = MeetingHeaders.OfYear(batch, y, body);
        var named = MunicipalityNames.Load(batch);
        var agreement = batch.Agreement();
        await batch.Execute(ct);
        var (meetings, names) = (await ofYear, await named);
        var dissolution = (await agreement)?.Dissolution;
        var shown = meetings.Select(m => PublicView.For(user, MeetingsAfterDissolution.AsShown(m, dissolution)));
        return
        [
            .. shown.Select(m => new MeetingSummary(
                m.Id,
                m.Body,
                m.Kind,
                m.Date,
                m.StartsAt,
                m.EndDate,
                m.EndsAt,
                m.HostMunicipalityCode,
                names.GetValueOrDefault(m.HostMunicipalityCode),
                m.Place,
                m.Status,
                m.CancellationReason,
                m.Notice is not null,
                m.Approval is not null,
                m.Version
            )),
        ];
    }
}

public static class GetMeetingsEndpoint
{
    /// <summary>
    /// One meeting with everything recorded at it, and its version for the next command. Without signing in, what
    /// the public may see at its stage (PublicView): the agenda once the notice is issued, the rest once the minutes
    /// are approved.
    /// </summary>
    [WolverineGet("/api/meetings/{meetingId}", OperationId = "GetMeeting")]
    public static async Task<Meeting?> GetOne(
        Guid meetingId,
        ClaimsPrincipal user,
        IQuerySession session,
        CancellationToken ct
    ) =>
        await session.LoadAsync<Meeting>(meetingId, ct) is { } meeting
            ? PublicView.For(
                user,
                MeetingsAfterDissolution.AsShown(meeting, await MeetingsAfterDissolution.LoadAsync(session, ct))
            )
            : null;

    /// <summary>
    /// §3: members on the meeting date, members present at the moment (now if not given), required and met.
    /// Attendance is part of the record: without signing in, only once the minutes are approved.
    /// </summary>
    [ProducesResponseType<QuorumStatus>(StatusCodes.Status200OK)]
    [WolverineGet("/api/meetings/{meetingId}/quorum", OperationId = "GetQuorumStatus")]
    public static async Task<IResult> GetQuorum(
        Guid meetingId,
        TimeOnly? at,
        ClaimsPrincipal user,
        IQuerySession session,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (await session.LoadAsync<Meeting>(meetingId, ct) is not { } meeting)
            return Results.Problem(Problems.NotFound($"Det finns inget sammanträde med id {meetingId}."));
        if (user.Identity?.IsAuthenticated != true && !PublicView.Of(meeting).Record)
            return Results.Unauthorized();
        var members = await MembersOnDate.LoadAsync(session, meeting.Date, ct);
        return Results.Json(QuorumOf(meeting, members, at ?? clock.TimeOfDay()));
    }

    public static QuorumStatus QuorumOf(Meeting meeting, MembersOnDate members, TimeOnly moment)
    {
        var quorum = Quorum.At(meeting, members.Codes, moment);
        return new QuorumStatus(
            meeting.Id,
            meeting.Date,
            moment,
            quorum.Members,
            quorum.Present,
            quorum.Required,
            quorum.Met,
            [.. quorum.PresentMembers.Select(c => new PresentMember(c, members.NameOf(c)))]
        );
    }
}
