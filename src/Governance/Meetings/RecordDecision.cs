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
            RuleFor(x => x.Votes!).ChildRules(votes =>
            {
                votes.RuleFor(v => v.For).NotNull();
                votes.RuleFor(v => v.Against).NotNull();
                votes.RuleFor(v => v.Abstained).NotNull();
            }).When(x => x.Votes is not null);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class RecordDecisionEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(Guid itemId, RecordDecision command, Meeting meeting, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var (moment, refused) = await OutcomeMoment.LoadAsync(meeting, itemId, command.At, session, ct);
        if (refused is not null) return refused;
        var (_, broken) = Decide(command, meeting, moment!, "", clock);
        return broken?.ToProblem() ?? WolverineContinue.NoProblems;
    }

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/meetings/{meetingId}/agenda/{itemId}/decision", OperationId = nameof(RecordDecision))]
    public static async Task<(UpdatedAggregate, Wolverine.Marten.Events)> Post(
        Guid itemId, RecordDecision command, [WriteAggregate] Meeting meeting, IQuerySession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var (moment, _) = await OutcomeMoment.LoadAsync(meeting, itemId, command.At, session, ct);
        var (outcome, _) = Decide(command, meeting, moment!, user.ActorName(), clock);
        return (new UpdatedAggregate(), [outcome!]);
    }

    private static (object?, Infrastructure.Problems.RuleViolation?) Decide(RecordDecision command, Meeting meeting, OutcomeMoment moment, string by, TimeProvider clock) =>
        Consensus.Decide(meeting, moment.Item, new Consensus.Proposal(command.Wording.Trim(), command.Objectors ?? [], command.Votes),
            moment.Quorum, moment.Members.RuleFor(moment.Item.Kind), by, clock.GetUtcNow());
}
