namespace Governance.Meetings;

/// <summary>
/// §4: the chair sends the notice of meeting with the agenda and documents. The record shows when it went out and
/// whether that was later than the committee's notice time (Governance:NoticeDays before the meeting, default 7).
/// </summary>
public record IssueMeetingNotice(int Version)
{
    public class Validator : AbstractValidator<IssueMeetingNotice>
    {
        public Validator() => RuleFor(x => x.Version).GreaterThan(0);
    }
}

public static class IssueMeetingNoticeEndpoint
{
    public const int DefaultNoticeDays = 7;

    public static ProblemDetails Validate(Meeting meeting) => MeetingRules.CanIssueNotice(meeting).OrContinue();

    [Authorize(Roles = Roles.Chair)]
    [WolverinePost("/api/meetings/{meetingId}/notice", OperationId = nameof(IssueMeetingNotice))]
    public static (UpdatedAggregate, MeetingNoticeIssued) Post(
        IssueMeetingNotice command,
        [WriteAggregate] Meeting meeting,
        IConfiguration configuration,
        ClaimsPrincipal user,
        TimeProvider clock
    )
    {
        var deadline = MeetingRules.NoticeDeadline(
            meeting,
            configuration.GetValue("Governance:NoticeDays", DefaultNoticeDays)
        );
        return (
            new UpdatedAggregate(),
            new MeetingNoticeIssued(
                meeting.Id,
                clock.GetUtcNow(),
                deadline,
                clock.Today() > deadline,
                [.. meeting.Agenda.Select(i => i.ItemId)],
                [.. meeting.Agenda.SelectMany(i => i.Documents).Select(d => d.DocumentId)],
                user.ActorName()
            )
        );
    }
}
