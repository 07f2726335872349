using Governance.Agreement;
using Governance.Offices;

namespace Governance.Meetings;

/// <summary>
/// Schedules a meeting of the committee or the management group (ordinary, extra, planning conference).
/// </summary>
public record ScheduleMeeting(
    Body Body,
    MeetingKind Kind,
    DateOnly Date,
    TimeOnly StartsAt,
    DateOnly? EndDate,
    TimeOnly EndsAt,
    string HostMunicipalityCode,
    string Place
) : IMeetingTimeAndPlace
{
    public class Validator : MeetingTimeAndPlaceValidator<ScheduleMeeting>
    {
        public Validator()
        {
            RuleFor(x => x.Body).IsInEnum();
            RuleFor(x => x.Kind).IsInEnum();
        }
    }
}

public static class ScheduleMeetingEndpoint
{
    public static Task<MembersOnDate> LoadAsync(ScheduleMeeting command, IQuerySession session, CancellationToken ct) =>
        MembersOnDate.CodesAsync(session, command.Date, ct);

    public static ProblemDetails Validate(ScheduleMeeting command, MembersOnDate members) =>
        MeetingPlaces.HostIsMember(command, members.Codes).OrContinue();

    [Authorize(Roles = $"{Roles.Secretary},{Roles.Chair}")]
    [WolverinePost("/api/meetings", OperationId = nameof(ScheduleMeeting))]
    public static async Task<CreationResponse<Guid>> Post(
        ScheduleMeeting command,
        IDocumentSession session,
        ClaimsPrincipal user,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var id = Guid.CreateVersion7();
        var by = user.ActorName();
        session.Events.StartStream<Meeting>(
            id,
            new MeetingScheduled(
                id,
                command.Body,
                command.Kind,
                command.Date,
                command.StartsAt,
                command.EndDate ?? command.Date,
                command.EndsAt,
                command.HostMunicipalityCode,
                command.Place.Trim(),
                by,
                clock.GetUtcNow()
            )
        );

        // §4: an extra committee meeting answers the members' open requests for one.
        if (command.Kind == MeetingKind.Extra && command.Body == Body.Committee)
            await ExtraMeetingDemand.AnswerOpenRequestsAsync(session, id, by, clock.GetUtcNow(), ct);

        return new CreationResponse<Guid>($"/api/meetings/{id}", id);
    }
}
