namespace Governance.Meetings;

/// <summary>
/// §4: the chair puts an item on the agenda, next in order: a matter a member raised (by its id), or one of the
/// chair's own (title and kind).
/// </summary>
public record PutOnAgenda(Guid? MatterId, string? Title, string? Kind, int Version)
{
    public class Validator : AbstractValidator<PutOnAgenda>
    {
        public Validator()
        {
            When(
                x => x.MatterId is null,
                () =>
                {
                    RuleFor(x => x.Title).NotEmpty().MaximumLength(300);
                    RuleFor(x => x.Kind).NotEmpty().MaximumLength(100);
                }
            );
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class PutOnAgendaEndpoint
{
    public static ProblemDetails Validate(PutOnAgenda command, Meeting meeting)
    {
        if (MeetingRules.IsOpen(meeting) is { } closed)
            return closed.ToProblem();
        if (command.MatterId is not { } matterId)
            return WolverineContinue.NoProblems;
        var matter = meeting.Matters.FirstOrDefault(m => m.MatterId == matterId);
        if (matter is null)
            return Problems.NotFound($"Frågan {matterId} har inte väckts till detta sammanträde.");
        return matter.Status == MatterStatus.Raised
            ? WolverineContinue.NoProblems
            : new RuleViolation(
                MeetingRules.Agenda,
                matter.Status == MatterStatus.OnAgenda
                    ? $"\"{matter.Title}\" står redan på dagordningen."
                    : $"\"{matter.Title}\" har avböjts av ordföranden."
            ).ToProblem();
    }

    [Authorize(Roles = Roles.Chair)]
    [WolverinePost("/api/meetings/{meetingId}/agenda", OperationId = nameof(PutOnAgenda))]
    public static (UpdatedAggregate, AgendaItemAdded) Post(
        PutOnAgenda command,
        [WriteAggregate] Meeting meeting,
        ClaimsPrincipal user,
        TimeProvider clock
    )
    {
        var matter = meeting.Matters.FirstOrDefault(m => m.MatterId == command.MatterId);
        return (
            new UpdatedAggregate(),
            new AgendaItemAdded(
                meeting.Id,
                Guid.CreateVersion7(),
                meeting.Agenda.Count + 1,
                matter?.Title ?? command.Title!.Trim(),
                matter?.Kind ?? command.Kind!.Trim().ToLowerInvariant(),
                matter?.MatterId,
                matter?.MunicipalityCode,
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
    }
}
