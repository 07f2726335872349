namespace Governance.Meetings;

/// <summary>Closes the meeting: nothing more is recorded at it, and its minutes can be approved.</summary>
public record CloseMeeting(TimeOnly At, int Version)
{
    public class Validator : AbstractValidator<CloseMeeting>
    {
        public Validator() => RuleFor(x => x.Version).GreaterThan(0);
    }
}

public static class CloseMeetingEndpoint
{
    public static ProblemDetails Validate(CloseMeeting command, Meeting meeting, TimeProvider clock) =>
        (MeetingRules.IsBeingHeld(meeting, clock.Today()) ?? MeetingRules.CanClose(meeting, command.At)).OrContinue();

    [Authorize(Roles = $"{Roles.Secretary},{Roles.Chair}")]
    [WolverinePost("/api/meetings/{meetingId}/close", OperationId = nameof(CloseMeeting))]
    public static (UpdatedAggregate, MeetingClosed) Post(
        CloseMeeting command,
        [WriteAggregate] Meeting meeting,
        ClaimsPrincipal user,
        TimeProvider clock
    ) => (new UpdatedAggregate(), new MeetingClosed(meeting.Id, command.At, user.ActorName(), clock.GetUtcNow()));
}
