namespace Governance.Meetings;

/// <summary>The item is tabled (bordlagt) to a later meeting: an outcome, recorded with the quorum of the moment.</summary>
public record TableItem(string Reason, TimeOnly At, int Version)
{
    public class Validator : AbstractValidator<TableItem>
    {
        public Validator()
        {
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class TableItemEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(Guid itemId, TableItem command, Meeting meeting, IQuerySession session, CancellationToken ct) =>
        (await OutcomeMoment.LoadAsync(meeting, itemId, command.At, session, ct)).Item2 ?? WolverineContinue.NoProblems;

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/meetings/{meetingId}/agenda/{itemId}/tabled", OperationId = nameof(TableItem))]
    public static async Task<(UpdatedAggregate, ItemTabled)> Post(
        Guid itemId, TableItem command, [WriteAggregate] Meeting meeting, IQuerySession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var (moment, _) = await OutcomeMoment.LoadAsync(meeting, itemId, command.At, session, ct);
        return (new UpdatedAggregate(), new ItemTabled(meeting.Id, itemId, command.Reason.Trim(), moment!.Quorum,
            meeting.ContextOf(moment.Item), user.ActorName(), clock.GetUtcNow()));
    }
}
