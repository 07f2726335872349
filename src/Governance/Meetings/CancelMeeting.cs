namespace Governance.Meetings;

/// <summary>Cancels a meeting (inställt): it stays in the record as cancelled, with the reason.</summary>
public record CancelMeeting(string Reason, int Version)
{
    public class Validator : AbstractValidator<CancelMeeting>
    {
        public Validator()
        {
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(500);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class CancelMeetingEndpoint
{
    public static ProblemDetails Validate(Meeting meeting) => MeetingRules.CanChangeSchedule(meeting).OrContinue();

    [Authorize(Roles = $"{Roles.Secretary},{Roles.Chair}")]
    [WolverinePost("/api/meetings/{meetingId}/cancel", OperationId = nameof(CancelMeeting))]
    public static (UpdatedAggregate, MeetingCancelled) Post(
        CancelMeeting command,
        [WriteAggregate] Meeting meeting,
        ClaimsPrincipal user,
        TimeProvider clock
    ) =>
        (
            new UpdatedAggregate(),
            new MeetingCancelled(meeting.Id, command.Reason.Trim(), user.ActorName(), clock.GetUtcNow())
        );
}
