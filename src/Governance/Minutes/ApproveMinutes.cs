using Governance.Meetings;

namespace Governance.Minutes;

/// <summary>
/// The chair approves (justerar) the minutes of a closed meeting, as they stand at the given version.
/// </summary>
public record ApproveMinutes(int Version)
{
    public class Validator : AbstractValidator<ApproveMinutes>
    {
        public Validator() => RuleFor(x => x.Version).GreaterThan(0);
    }
}

public static class ApproveMinutesEndpoint
{
    public static ProblemDetails Validate(Meeting meeting) => MeetingRules.CanApproveMinutes(meeting).OrContinue();

    [Authorize(Roles = Roles.Chair)]
    [WolverinePost("/api/meetings/{meetingId}/minutes/approval", OperationId = nameof(ApproveMinutes))]
    public static (UpdatedAggregate, MinutesApproved) Post(
        ApproveMinutes command,
        [WriteAggregate] Meeting meeting,
        ClaimsPrincipal user,
        TimeProvider clock
    ) =>
        (new UpdatedAggregate(), new MinutesApproved(meeting.Id, command.Version, user.ActorName(), clock.GetUtcNow()));
}
