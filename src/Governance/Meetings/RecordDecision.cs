namespace Governance.Meetings;

/// <summary>
/// §3: the outcome of an agenda item: decided by consensus, or not decided because members present objected (named by
/// municipality code). Where all members agreed another rule for the matter's kind, the votes decide instead.
/// </summary>
public record RecordDecision(string Wording, TimeOnly At, IReadOnlyList<string>? Objectors, Votes? Votes, int Version)
{
    public class Validator : AbstractValidator<RecordDecision>
    {
        public Validator()
        {
            RuleFor(x => x.Wording).NotEmpty().MaximumLength(4000);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class RecordDecisionEndpoint
{
    /// <summary>Loads the moment once and decides once; Validate and Post use this one answer.</summary>
    public static async Task<OutcomeDecision> LoadAsync(
        Guid itemId,
        RecordDecision command,
        Meeting meeting,
        IQuerySession session,
        ClaimsPrincipal user,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var moment = await OutcomeMoment.LoadAsync(meeting, itemId, command.At, session, ct);
        if (moment.Refusal(meeting, itemId, clock.Today()) is { } refused)
            return new OutcomeDecision(null, refused);
        var proposal = new Consensus.Proposal(command.Wording.Trim(), command.Objectors ?? [], command.Votes);
        var (outcome, broken) = Consensus.Decide(
            meeting,
            moment.Item!,
            proposal,
            moment.Quorum,
            moment.Members.RuleFor(moment.Item!.Kind),
            user.ActorName(),
            clock.GetUtcNow()
        );
        return new OutcomeDecision(outcome, broken);
    }

    public static ProblemDetails Validate(OutcomeDecision decision) => decision.Problem;

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/meetings/{meetingId}/agenda/{itemId}/decision", OperationId = nameof(RecordDecision))]
    public static (UpdatedAggregate, Wolverine.Marten.Events) Post(
        RecordDecision command,
        [WriteAggregate] Meeting meeting,
        OutcomeDecision decision
    ) => (new UpdatedAggregate(), [decision.Event!]);
}
