using Governance.Agreement;
using Governance.Meetings;
using Governance.Offices;
using Governance.Plans;
using Governance.ReferenceData;

namespace Governance.Tests.Plans;

public class PlanRulesTests
{
    private static readonly string[] Eight = ["0127", "0136", "0126", "0140", "0192", "0128", "0181", "0138"];
    private static readonly DateTimeOffset Now = new(2020, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid ItemId = Guid.NewGuid();

    private static Meeting MeetingWithDecision(Body body = Body.Committee, OutcomeKind outcome = OutcomeKind.Decided) =>
        new()
        {
            Id = Guid.NewGuid(),
            Body = body,
            Date = new DateOnly(2020, 4, 2),
            Agenda =
            [
                new AgendaItem(
                    ItemId,
                    1,
                    "Verksamhetsplan 2020",
                    "verksamhetsplan",
                    null,
                    null,
                    [],
                    new Outcome(
                        outcome,
                        "Kommittén fastställer verksamhetsplanen.",
                        DecisionRule.Consensus,
                        [],
                        null,
                        new QuorumSnapshot(new TimeOnly(13, 0), 8, 8, 4, true, Eight),
                        Now
                    ),
                    null
                ),
            ],
        };

    private static ActivityPlan SentTo(params string[] codes)
    {
        var plan = ActivityPlan.Create(new PlanDrafted(ActivityPlan.IdFor(2020), 2020, Plan2020.Content, "t", Now));
        plan.Apply(new PlanProposalSent(plan.Id, 2020, 1, codes, new DateOnly(2020, 3, 2), "t", Now));
        return plan;
    }

    [Fact]
    public void adoption_is_refused_when_one_member_was_not_sent_the_proposal()
    {
        var refused = PlanRules.CanAdopt(
            SentTo([.. Eight.Where(c => c != "0140")]),
            MeetingWithDecision(),
            ItemId,
            Eight,
            code => code == "0140" ? "Nykvarn" : code
        );
        Assert.Equal(PlanRules.Plan, refused!.Rule);
        Assert.Contains("Nykvarn", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void adoption_needs_a_decision_of_a_committee_meeting()
    {
        Assert.Null(PlanRules.CanAdopt(SentTo(Eight), MeetingWithDecision(), ItemId, Eight, c => c));
        Assert.NotNull(
            PlanRules.CanAdopt(SentTo(Eight), MeetingWithDecision(Body.ManagementGroup), ItemId, Eight, c => c)
        );
        Assert.NotNull(
            PlanRules.CanAdopt(
                SentTo(Eight),
                MeetingWithDecision(outcome: OutcomeKind.NotDecided),
                ItemId,
                Eight,
                c => c
            )
        );
        Assert.NotNull(PlanRules.CanAdopt(SentTo(Eight), MeetingWithDecision(), Guid.NewGuid(), Eight, c => c));
        Assert.NotNull(PlanRules.CanAdopt(SentTo(Eight), null, ItemId, Eight, c => c));
    }

    [Fact]
    public void a_revision_after_sending_must_be_sent_again_before_adoption()
    {
        var plan = SentTo(Eight);
        plan.Apply(new DraftPlanRevised(plan.Id, 2020, 2, Plan2020.Content, "t", Now));
        Assert.Equal(PlanRules.Plan, PlanRules.CanAdopt(plan, MeetingWithDecision(), ItemId, Eight, c => c)!.Rule);
        plan.Apply(new PlanProposalSent(plan.Id, 2020, 2, Eight, new DateOnly(2020, 3, 20), "t", Now));
        Assert.Null(PlanRules.CanAdopt(plan, MeetingWithDecision(), ItemId, Eight, c => c));
    }

    [Fact]
    public void a_withdrawn_party_need_not_be_sent_the_proposal()
    {
        var seven = Eight.Where(c => c != "0140").ToArray();
        Assert.Null(PlanRules.CanAdopt(SentTo(seven), MeetingWithDecision(), ItemId, seven, c => c));
    }

    [Fact]
    public void after_adoption_only_amendments_change_the_plan()
    {
        var plan = SentTo(Eight);
        plan.Apply(new PlanAdopted(plan.Id, 2020, 1, Guid.NewGuid(), ItemId, "x", new DateOnly(2020, 4, 2), "t", Now));
        Assert.NotNull(PlanRules.IsDraft(plan));
        Assert.NotNull(PlanRules.CanSend(plan, Eight, Eight, new DateOnly(2020, 5, 1)));
        Assert.Null(PlanRules.CanAmend(plan, MeetingWithDecision(), ItemId));
        Assert.Null(PlanRules.CanReport(plan, plan.Content.Activities[0].ActivityId!.Value));
    }

    [Fact]
    public void the_seed_plan_has_every_activity_of_bilaga_1_and_the_2020_budget()
    {
        Assert.Equal(24, Plan2020.Activities.Count);
        Assert.Equal(10, Plan2020.Activities.Count(a => a.FocusArea == "Infrastruktur"));
        Assert.Equal(2_012_800m, Plan2020.Budget.TotalIncome);
        Assert.Equal(2_012_800m, Plan2020.Budget.TotalCosts);
        Assert.Equal([1_570_000m, 70_000m, 372_800m], Plan2020.Budget.Costs.Select(c => c.Amount));
    }
}
