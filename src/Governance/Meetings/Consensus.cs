using Governance.Agreement;

namespace Governance.Meetings;

/// <summary>
/// §3: a matter is decided only if no member present objects — unless all members agreed another rule for its kind,
/// in which case the votes of the members present decide. Returns the outcome's event or the rule it would break.
/// </summary>
public static class Consensus
{
    public sealed record Proposal(string Wording, IReadOnlyList<string> Objectors, Votes? Votes);

    public static (object? Outcome, RuleViolation? Refused) Decide(
        Meeting meeting,
        AgendaItem item,
        Proposal proposal,
        QuorumSnapshot quorum,
        DecisionRule rule,
        string by,
        DateTimeOffset now
    )
    {
        var context = meeting.ContextOf(item);
        var notPresent = proposal.Objectors.Except(quorum.PresentMembers).ToList();
        if (notPresent.Count > 0)
            return (
                null,
                new(
                    MeetingRules.Consensus,
                    "Invändningar kan bara komma från ledamöter som är närvarande: "
                        + $"{string.Join(", ", notPresent)} är inte närvarande kl. {quorum.At:HH\\.mm}."
                )
            );

        if (rule == DecisionRule.Consensus)
        {
            if (proposal.Votes is not null)
                return (
                    null,
                    new(
                        MeetingRules.Consensus,
                        $"Ärenden av slaget \"{item.Kind}\" avgörs i konsensus; röster räknas inte."
                    )
                );
            return proposal.Objectors.Count == 0
                ? (
                    new DecisionRecorded(
                        meeting.Id,
                        item.ItemId,
                        proposal.Wording,
                        rule,
                        null,
                        quorum,
                        context,
                        by,
                        now
                    ),
                    null
                )
                : (
                    new DecisionNotReached(
                        meeting.Id,
                        item.ItemId,
                        proposal.Wording,
                        rule,
                        [.. proposal.Objectors.Distinct()],
                        null,
                        quorum,
                        context,
                        by,
                        now
                    ),
                    null
                );
        }

        if (proposal.Votes is not { } votes)
            return (
                null,
                new(
                    MeetingRules.Consensus,
                    $"För ärenden av slaget \"{item.Kind}\" gäller den överenskomna beslutsordningen "
                        + $"({Infrastructure.Swedish.Labels.Of(rule)}): ange rösterna."
                )
            );
        var voters = votes.For.Concat(votes.Against).Concat(votes.Abstained).ToList();
        if (voters.Count != voters.Distinct().Count())
            return (null, new(MeetingRules.Consensus, "Varje ledamot röstar en gång."));
        var outsiders = voters.Except(quorum.PresentMembers).ToList();
        if (outsiders.Count > 0)
            return (
                null,
                new(
                    MeetingRules.Consensus,
                    $"Endast närvarande ledamöter röstar: {string.Join(", ", outsiders)} är inte närvarande."
                )
            );

        return Carried(rule, votes.For.Count, quorum.Present)
            ? (
                new DecisionRecorded(meeting.Id, item.ItemId, proposal.Wording, rule, votes, quorum, context, by, now),
                null
            )
            : (
                new DecisionNotReached(
                    meeting.Id,
                    item.ItemId,
                    proposal.Wording,
                    rule,
                    [.. votes.Against],
                    votes,
                    quorum,
                    context,
                    by,
                    now
                ),
                null
            );
    }

    /// <summary>Majority of those present: more than half; two thirds: at least two thirds.</summary>
    public static bool Carried(DecisionRule rule, int inFavour, int present) =>
        rule switch
        {
            DecisionRule.MajorityOfPresent => inFavour * 2 > present,
            DecisionRule.TwoThirdsOfPresent => inFavour * 3 >= present * 2,
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Consensus is not decided by votes"),
        };
}
