using Governance.Agreement;

namespace Governance.Meetings;

public record RescheduleMeeting(
    DateOnly Date,
    TimeOnly StartsAt,
    DateOnly? EndDate,
    TimeOnly EndsAt,
    string HostMunicipalityCode,
    string Place,
    int Version
) : IMeetingTimeAndPlace
{
    public class Validator : MeetingTimeAndPlaceValidator<RescheduleMeeting>
    {
        public Validator() => RuleFor(x => x.Version).GreaterThan(0);
    }
}

public static class RescheduleMeetingEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(
        RescheduleMeeting command,
        Meeting meeting,
        IQuerySession session,
        CancellationToken ct
    )
    {
        if (MeetingRules.CanChangeSchedule(meeting) is { } refused)
            return refused.ToProblem();
        var members = await MembersOnDate.CodesAsync(session, command.Date, ct);
        return MeetingPlaces.HostIsMember(command, members.Codes).OrContinue();
    }

    [Authorize(Roles = $"{Roles.Secretary},{Roles.Chair}")]
    [WolverinePost("/api/meetings/{meetingId}/reschedule", OperationId = nameof(RescheduleMeeting))]
    public static (UpdatedAggregate, MeetingRescheduled) Post(
        RescheduleMeeting command,
        [WriteAggregate] Meeting meeting,
        ClaimsPrincipal user,
        TimeProvider clock
    ) =>
        (
            new UpdatedAggregate(),
            new MeetingRescheduled(
                meeting.Id,
                command.Date,
                command.StartsAt,
                command.EndDate ?? command.Date,
                command.EndsAt,
                command.HostMunicipalityCode,
                command.Place.Trim(),
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
}
