namespace Governance.Meetings;

/// <summary>
/// The item is tabled (bordlagt) to a later meeting: an outcome, recorded with the quorum of the moment.
/// </summary>
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
    /// <summary>Loads the moment once and decides once; Validate and Post use this one answer.</summary>
    public static async Task<OutcomeDecision> LoadAsync(
        Guid itemId,
        TableItem command,
        Meeting meeting,
        IQuerySession session,
        ClaimsPrincipal user,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var moment = await OutcomeMoment.LoadAsync(meeting, itemId, command.At, session, ct);
        return moment.Refusal(meeting, itemId, clock.Today()) is { } refused
            ? new OutcomeDecision(null, refused)
            : new OutcomeDecision(
                new ItemTabled(
                    meeting.Id,
                    itemId,
                    command.Reason.Trim(),
                    moment.Quorum,
                    meeting.ContextOf(moment.Item!),
                    user.ActorName(),
                    clock.GetUtcNow()
                ),
                null
            );
    }

    public static ProblemDetails Validate(OutcomeDecision decision) => decision.Problem;

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/meetings/{meetingId}/agenda/{itemId}/tabled", OperationId = nameof(TableItem))]
    public static (UpdatedAggregate, Wolverine.Marten.Events) Post(
        TableItem command,
        [WriteAggregate] Meeting meeting,
        OutcomeDecision decision
    ) => (new UpdatedAggregate(), [decision.Event!]);
}
