namespace Governance.Meetings;

/// <summary>§4: the chair declines a raised matter, with a reason; it stays in the record.</summary>
public record DeclineMatter(string Reason, int Version)
{
    public class Validator : AbstractValidator<DeclineMatter>
    {
        public Validator()
        {
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class DeclineMatterEndpoint
{
    public static ProblemDetails Validate(Guid matterId, Meeting meeting)
    {
        var matter = meeting.Matters.FirstOrDefault(m => m.MatterId == matterId);
        if (matter is null)
            return Problems.NotFound($"Frågan {matterId} har inte väckts till detta sammanträde.");
        return matter.Status == MatterStatus.Raised
            ? WolverineContinue.NoProblems
            : new RuleViolation(
                MeetingRules.Agenda,
                $"\"{matter.Title}\" är redan "
                    + $"{(matter.Status == MatterStatus.OnAgenda ? "uppsatt på dagordningen" : "avböjd")}."
            ).ToProblem();
    }

    [Authorize(Roles = Roles.Chair)]
    [WolverinePost("/api/meetings/{meetingId}/matters/{matterId}/decline", OperationId = nameof(DeclineMatter))]
    public static (UpdatedAggregate, MatterDeclined) Post(
        Guid matterId,
        DeclineMatter command,
        [WriteAggregate] Meeting meeting,
        ClaimsPrincipal user,
        TimeProvider clock
    ) =>
        (
            new UpdatedAggregate(),
            new MatterDeclined(meeting.Id, matterId, command.Reason.Trim(), user.ActorName(), clock.GetUtcNow())
        );
}
