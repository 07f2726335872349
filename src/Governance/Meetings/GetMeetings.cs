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

/// <summary>A page of a year's meetings, by date and time of day; `more` when the year goes on after it.</summary>
public sealed record MeetingCalendarPage(
    int Year,
    Body? Body,
    int Page,
    int PageSize,
    bool More,
    IReadOnlyList<MeetingSummary> Meetings
);

/// <summary>A year of meetings, in a class of its own: Wolverine runs Validate for every endpoint of a class.</summary>
public static class GetMeetingsOfYearEndpoint
{
    /// <summary>Both bodies meet some twenty times a year: a real year is one page.</summary>
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    /// <summary>
    /// How deep a page may reach into a year: a page is found by passing the meetings before it. A hundred times a
    /// real year's meetings; a year as full as that is narrowed by body.
    /// </summary>
    public const int MaxDepth = 2000;

    public static readonly PageBounds Pages = new(DefaultPageSize, MaxPageSize, MaxDepth);

    /// <summary>
    /// A year no record can have is a 400 naming `year`; a page deeper than <see cref="MaxDepth"/> one naming `page`.
    /// </summary>
    public static ProblemDetails Validate(int? year, int? page, int? pageSize)
    {
        if (Dates.YearWithinBounds(year) is var yearProblem && yearProblem != WolverineContinue.NoProblems)
            return yearProblem;
        return Pages.Refusal(
            page,
            pageSize,
            (deepest, size) =>
                $"Högst {MaxDepth} sammanträden om året går att bläddra fram (sida {deepest} med {size} per sida). "
                + "Avgränsa med organ."
        );
    }

    /// <summary>
    /// The calendar of both bodies (or one), by year (this year unless given), a page at a time; cancelled meetings
    /// included and marked, those planned after the committee's dissolution as cancelled by it.
    /// </summary>
    [WolverineGet("/api/meetings", OperationId = "GetMeetings")]
    public static async Task<MeetingCalendarPage> Get(
        int? year,
        Body? body,
        int? page,
        int? pageSize,
        ClaimsPrincipal user,
        IQuerySession session,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        // One year at a time, this one unless asked, and a page of it: a list as long as the archive, or as a year
        // filled by an importer, would grow without end.
        var y = year ?? clock.Today().Year;
        var size = Pages.SizeOf(pageSize);
        var number = Pages.NumberOf(page, size);
        var batch = session.CreateBatchQuery();
        var ofYear = MeetingHeaders.OfYear(batch, y, body, number, size);
        var named = MunicipalityNames.Load(batch);
        var agreement = batch.Agreement();
        await batch.Execute(ct);
        var (shown, names) = (await ofYear, await named);
        var dissolution = (await agreement)?.Dissolution;
        var meetings = shown.Meetings.Select(m =>
            PublicView.For(user, MeetingsAfterDissolution.AsShown(m, dissolution))
        );
        return new MeetingCalendarPage(
            y,
            body,
            number,
            size,
            shown.More,
            [
                .. meetings.Select(m => new MeetingSummary(
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
            ]
        );
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
