using Governance.Agreement;
using Governance.Meetings;
using Governance.Offices;

namespace Governance.Tests.Meetings;

public class ConsensusTests
{
    private static readonly DateTimeOffset Now = new(2020, 4, 2, 13, 0, 0, TimeSpan.FromHours(2));
    private static readonly AgendaItem Item = new(
        Guid.NewGuid(),
        1,
        "Remissvar om kollektivtrafikplan",
        "remissvar",
        null,
        null,
        [],
        null,
        null
    );
    private static readonly Meeting Meeting = new()
    {
        Id = Guid.NewGuid(),
        Body = Body.Committee,
        Date = new DateOnly(2020, 4, 2),
        Agenda = [Item],
    };
    private static readonly QuorumSnapshot FivePresent = new(
        new TimeOnly(13, 0),
        8,
        5,
        4,
        true,
        ["0126", "0127", "0136", "0140", "0181"]
    );

    private static (object? Outcome, Governance.Infrastructure.Problems.RuleViolation? Refused) Decide(
        IReadOnlyList<string> objectors,
        Votes? votes = null,
        DecisionRule rule = DecisionRule.Consensus
    ) =>
        Consensus.Decide(
            Meeting,
            Item,
            new Consensus.Proposal("Kommittén antar remissvaret.", objectors, votes),
            FivePresent,
            rule,
            "Sekreterare",
            Now
        );

    [Fact]
    public void with_no_objection_the_matter_is_decided_and_the_quorum_is_part_of_the_record()
    {
        var decided = Assert.IsType<DecisionRecorded>(Decide([]).Outcome);
        Assert.Equal(DecisionRule.Consensus, decided.Rule);
        Assert.Equal(FivePresent, decided.Quorum);
        Assert.Equal("remissvar", decided.Context.MatterKind);
    }

    [Fact]
    public void one_objecting_member_present_means_no_decision_naming_who()
    {
        var notReached = Assert.IsType<DecisionNotReached>(Decide(["0181"]).Outcome);
        Assert.Equal(["0181"], notReached.Objectors);
    }

    [Fact]
    public void an_objection_from_someone_not_present_is_refused()
    {
        var (outcome, refused) = Decide(["0192"]);
        Assert.Null(outcome);
        Assert.Equal(MeetingRules.Consensus, refused!.Rule);
        Assert.Contains("0192", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void under_an_agreed_majority_rule_the_votes_of_those_present_decide()
    {
        var carried = Decide(
            [],
            new Votes(["0126", "0127", "0136"], ["0181"], ["0140"]),
            DecisionRule.MajorityOfPresent
        );
        Assert.IsType<DecisionRecorded>(carried.Outcome);
        var lost = Decide([], new Votes(["0126", "0127"], ["0181", "0136"], ["0140"]), DecisionRule.MajorityOfPresent);
        Assert.Equal(["0181", "0136"], Assert.IsType<DecisionNotReached>(lost.Outcome).Objectors);
    }

    [Fact]
    public void votes_need_a_rule_that_counts_them_and_voters_who_are_present_once()
    {
        Assert.NotNull(Decide([], new Votes(["0126"], [], [])).Refused);
        Assert.NotNull(Decide([], null, DecisionRule.MajorityOfPresent).Refused);
        Assert.NotNull(Decide([], new Votes(["0126", "0192"], [], []), DecisionRule.MajorityOfPresent).Refused);
        Assert.NotNull(Decide([], new Votes(["0126"], ["0126"], []), DecisionRule.MajorityOfPresent).Refused);
    }

    [Theory]
    [InlineData(DecisionRule.MajorityOfPresent, 3, 5, true)]
    [InlineData(DecisionRule.MajorityOfPresent, 2, 4, false)]
    [InlineData(DecisionRule.TwoThirdsOfPresent, 4, 6, true)]
    [InlineData(DecisionRule.TwoThirdsOfPresent, 3, 5, false)]
    public void the_counting_rules(DecisionRule rule, int inFavour, int present, bool carried) =>
        Assert.Equal(carried, Consensus.Carried(rule, inFavour, present));

    [Fact]
    public void an_outcome_is_refused_when_not_quorate_cancelled_closed_or_already_recorded()
    {
        var notQuorate = FivePresent with { Present = 3, Met = false };
        Assert.Equal(MeetingRules.Quorum, MeetingRules.CanRecordOutcome(Meeting, Item, notQuorate)!.Rule);
        Assert.Equal(
            MeetingRules.Cancelled,
            MeetingRules.CanRecordOutcome(new Meeting { Status = MeetingStatus.Cancelled }, Item, FivePresent)!.Rule
        );
        Assert.Equal(
            MeetingRules.Closed,
            MeetingRules.CanRecordOutcome(new Meeting { Status = MeetingStatus.Closed }, Item, FivePresent)!.Rule
        );
        var decided = Item with
        {
            Outcome = new Outcome(OutcomeKind.Decided, "x", DecisionRule.Consensus, [], null, FivePresent, Now),
        };
        Assert.Equal(MeetingRules.OneOutcome, MeetingRules.CanRecordOutcome(Meeting, decided, FivePresent)!.Rule);
        Assert.Null(MeetingRules.CanRecordOutcome(Meeting, Item, FivePresent));
    }
}
