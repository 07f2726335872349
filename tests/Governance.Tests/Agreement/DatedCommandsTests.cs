using FluentValidation;
using Governance.Agreement;
using Governance.Fees;
using Governance.Meetings;
using Governance.Municipalities;
using Governance.Offices;
using Governance.Plans;
using Governance.Projects;
using Governance.ReferenceData;
using Governance.Tests.Support;

namespace Governance.Tests.Agreement;

/// <summary>
/// Every command that takes a date answers two questions: may the date be later than today, and may it be before
/// what it depends on? Acts that have happened (a notice received, a payment made, a decision taken) are dated today at
/// the latest, today being the Stockholm date; what is planned or takes office (a meeting, a representative from next
/// month) may be later.
/// </summary>
public class DatedCommandsTests
{
    // 22.30 UTC on 14 June is 00.30 on 15 June in Stockholm: "today" is the 15th.
    private static readonly TestClock Clock = new(new DateTimeOffset(2021, 6, 14, 22, 30, 0, TimeSpan.Zero));
    private static readonly DateOnly Today = new(2021, 6, 15);
    private static readonly DateOnly Tomorrow = Today.AddDays(1);
    private static readonly string[] Eight = AgreementFixtures.Sodertorn;

    private static string[] Invalid<T>(IValidator<T> validator, T command) =>
        [.. validator.Validate(command).Errors.Select(e => e.PropertyName)];

    [Fact]
    public void a_termination_notice_received_or_decided_by_the_council_after_today_is_refused_on_that_field()
    {
        var validator = new RegisterTerminationNotice.Validator(Clock);
        Assert.Empty(Invalid(validator, new RegisterTerminationNotice("0140", Today, "KF §1", Today, 1)));
        RegisterTerminationNotice Notice(DateOnly decided, DateOnly received) =>
            new("0140", decided, "KF §1", received, 1);
        Assert.Equal(["ReceivedOn"], Invalid(validator, Notice(Today, Tomorrow)));
        Assert.Equal(["CouncilDecisionOn"], Invalid(validator, Notice(Tomorrow, Today)));
        Assert.Equal(
            "Datumet kan inte ligga i framtiden: i dag är det 2021-06-15.",
            validator.Validate(Notice(Today, Tomorrow)).Errors[0].ErrorMessage
        );
    }

    [Fact]
    public void the_agreements_acts_are_dated_today_at_the_latest()
    {
        Assert.Equal(
            ["InformedOn"],
            Invalid(new RecordPartyInformed.Validator(Clock), new RecordPartyInformed("0127", Tomorrow, 2))
        );
        Assert.Empty(Invalid(new RecordPartyInformed.Validator(Clock), new RecordPartyInformed("0127", Today, 2)));
        Assert.Equal(
            ["AgreedOn"],
            Invalid(
                new AgreeAlternativeDecisionRule.Validator(Clock),
                new AgreeAlternativeDecisionRule(
                    "remissvar",
                    DecisionRule.MajorityOfPresent,
                    Tomorrow,
                    "Beslut",
                    Eight,
                    2
                )
            )
        );
        Assert.Equal(
            ["Parties[0].SignedOn"],
            Invalid(
                new ConcludeAgreement.Validator(Clock),
                new ConcludeAgreement([new AgreementParty("0127", Tomorrow)], new DateOnly(2022, 1, 1))
            )
        );
    }

    [Fact]
    public void an_agreement_may_take_force_after_it_is_signed_or_before()
    {
        var validator = new ConcludeAgreement.Validator(Clock);
        ConcludeAgreement InForceFrom(DateOnly from) => new([new AgreementParty("0127", Today)], from);
        Assert.Empty(Invalid(validator, InForceFrom(new DateOnly(2022, 1, 1))));
        Assert.Empty(Invalid(validator, InForceFrom(new DateOnly(2021, 1, 1))));
    }

    [Fact]
    public void an_amendment_is_adopted_by_today_and_takes_effect_then_or_later_never_before()
    {
        var validator = new AmendAgreement.Validator(Clock);
        AmendAgreement Amend(DateOnly adopted, DateOnly? effect, string clause = "§8") =>
            new(clause, "Ny lydelse.", adopted, "Beslut", Eight, null, effect, 2);

        Assert.Empty(Invalid(validator, Amend(Today, null)));
        Assert.Empty(Invalid(validator, Amend(Today, new DateOnly(2022, 1, 1)))); // a new fee from next year
        Assert.Equal(["AdoptedOn"], Invalid(validator, Amend(Tomorrow, null)));
        Assert.Equal(["TakesEffectOn"], Invalid(validator, Amend(Today, Today.AddDays(-1))));
        Assert.Equal(["Clause"], Invalid(validator, Amend(Today, null, clause: "Avgiften")));
    }

    [Fact]
    public void fees_and_projects_are_decided_and_paid_by_today_a_rule_may_apply_from_a_later_year()
    {
        Assert.Equal(
            ["PaidOn"],
            Invalid(new RecordPayment.Validator(Clock), new RecordPayment("0127", 10m, Tomorrow, 1))
        );
        Assert.Empty(Invalid(new RecordPayment.Validator(Clock), new RecordPayment("0127", 10m, Today, 1)));
        var setFeeRule = new SetFeeRule.Validator(Clock);
        SetFeeRule FromNextYear(DateOnly decided) => new(FeeRuleKind.PerCapita, 2022, null, 4m, decided, "Beslut", 1);
        Assert.Equal(["DecidedOn"], Invalid(setFeeRule, FromNextYear(Tomorrow)));
        Assert.Empty(Invalid(setFeeRule, FromNextYear(Today)));
        Assert.Equal(
            ["DecidedOn"],
            Invalid(
                new StartSpecialProject.Validator(Clock),
                new StartSpecialProject("Cykelstråk", null, 1000m, null, Tomorrow, "Beslut")
            )
        );
    }

    [Fact]
    public void a_plan_proposal_is_sent_and_answered_by_today()
    {
        Assert.Equal(
            ["SentOn"],
            Invalid(new SendPlanProposal.Validator(Clock), new SendPlanProposal(null, Tomorrow, 1))
        );
        Assert.Empty(Invalid(new SendPlanProposal.Validator(Clock), new SendPlanProposal(null, Today, 1)));
        Assert.Equal(
            ["RespondedOn"],
            Invalid(
                new RecordPlanProposalResponse.Validator(Clock),
                new RecordPlanProposalResponse("0127", "Inga synpunkter.", Tomorrow, 2)
            )
        );
    }

    [Fact]
    public void people_may_be_named_and_appointed_from_a_later_day_and_meetings_planned_for_any_day()
    {
        var nextMonth = new DateOnly(2021, 7, 1);
        Assert.Empty(Invalid(new NameRepresentative.Validator(), new NameRepresentative("Ebba Östlin", nextMonth, 1)));
        Assert.Empty(Invalid(new NameDirector.Validator(), new NameDirector("Rickard Sundbom", nextMonth, 1)));
        Assert.Empty(
            Invalid(
                new AppointChair.Validator(),
                new AppointChair(2022, Body.Committee, "0126", "Daniel Dronjak", new DateOnly(2022, 1, 1), 0)
            )
        );
        var schedule = new ScheduleMeeting.Validator();
        foreach (var day in new[] { new DateOnly(2022, 3, 3), new DateOnly(2019, 3, 7) })
            Assert.Empty(
                Invalid(
                    schedule,
                    new ScheduleMeeting(
                        Body.Committee,
                        MeetingKind.Ordinary,
                        day,
                        new(12, 0),
                        null,
                        new(15, 30),
                        "0126",
                        "Huddinge"
                    )
                )
            );
    }

    [Fact]
    public void a_population_is_of_a_year_that_has_ended()
    {
        var validator = new RecordPopulation.Validator(Clock);
        Assert.Empty(Invalid(validator, new RecordPopulation(2020, 113_000, false, null, 1)));
        Assert.Equal(["Year"], Invalid(validator, new RecordPopulation(2021, 113_000, false, null, 1)));
    }

    [Fact]
    public void what_happens_at_a_meeting_is_recorded_from_its_day_on()
    {
        Meeting On(DateOnly date) =>
            new()
            {
                Date = date,
                EndDate = date,
                StartsAt = new(12, 0),
                EndsAt = new(15, 30),
            };
        Assert.Null(MeetingRules.HasBegun(On(Today), Today));
        Assert.Null(MeetingRules.HasBegun(On(Today.AddDays(-30)), Today));
        var ahead = MeetingRules.HasBegun(On(Tomorrow), Today);
        Assert.Equal(MeetingRules.MeetingDay, ahead!.Rule);
        Assert.Contains("2021-06-16", ahead.Message, StringComparison.Ordinal);
        Assert.Equal(
            MeetingRules.Cancelled,
            MeetingRules.IsBeingHeld(new Meeting { Date = Tomorrow, Status = MeetingStatus.Cancelled }, Today)!.Rule
        );
    }

    [Fact]
    public void a_payment_is_not_made_before_the_invoices_were_issued()
    {
        var now = AgreementFixtures.Now;
        var ledger = FeeLedger.Create(new FeeRuleSet(FeeLedger.TheId, Plan2020.FeeRules[^1], "t", now));
        var invoice = new Invoice("0127", "SSK-2021-001", 1000m, 250, 2020);
        var year = new FeeYearProjection().Create(
            new FeeInvoicesIssued(
                FeeLedger.TheId,
                2021,
                [invoice],
                new DateOnly(2021, 2, 1),
                new DateOnly(2021, 3, 15),
                FeeLedger.Issuer,
                "t",
                now
            )
        );
        var context = new FeeContext(ledger, [year], [], AgreementFixtures.Concluded());

        Assert.Null(FeeRules.CanRecordPayment(context, 2021, "0127", 1000m, new DateOnly(2021, 2, 1)));
        var early = FeeRules.CanRecordPayment(context, 2021, "0127", 1000m, new DateOnly(2021, 1, 31));
        Assert.Equal(FeeRules.Fee, early!.Rule);
        Assert.Contains("2021-02-01", early.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_response_comes_after_the_proposal_the_adoption_after_sending_and_an_amendment_after_adoption()
    {
        var now = AgreementFixtures.Now;
        var plan = ActivityPlan.Create(new PlanDrafted(ActivityPlan.IdFor(2021), 2021, Plan2020.Content, "t", now));
        plan.Apply(new PlanProposalSent(plan.Id, 2021, 1, Eight, new DateOnly(2021, 3, 2), "t", now));

        Assert.Null(PlanRules.CanRecordResponse(plan, "0127", new DateOnly(2021, 3, 2)));
        Assert.Equal(PlanRules.Plan, PlanRules.CanRecordResponse(plan, "0127", new DateOnly(2021, 3, 1))!.Rule);
        Assert.Equal(PlanRules.Plan, PlanRules.CanRecordResponse(plan, "0180", new DateOnly(2021, 3, 5))!.Rule);

        var itemId = Guid.NewGuid();
        Meeting DecidingOn(DateOnly date) =>
            new()
            {
                Id = Guid.NewGuid(),
                Body = Body.Committee,
                Date = date,
                Agenda =
                [
                    new AgendaItem(
                        itemId,
                        1,
                        "Verksamhetsplan 2021",
                        "verksamhetsplan",
                        null,
                        null,
                        [],
                        new Outcome(
                            OutcomeKind.Decided,
                            "Fastställd.",
                            DecisionRule.Consensus,
                            [],
                            null,
                            new QuorumSnapshot(new TimeOnly(13, 0), 8, 8, 4, true, Eight),
                            now
                        ),
                        null
                    ),
                ],
            };
        var adoptedTooEarly = PlanRules.CanAdopt(plan, DecidingOn(new DateOnly(2021, 3, 1)), itemId, Eight, c => c);
        Assert.Equal(PlanRules.Plan, adoptedTooEarly!.Rule);
        Assert.Null(PlanRules.CanAdopt(plan, DecidingOn(new DateOnly(2021, 3, 2)), itemId, Eight, c => c));

        plan.Apply(
            new PlanAdopted(plan.Id, 2021, 1, Guid.NewGuid(), itemId, "Fastställd.", new DateOnly(2021, 4, 1), "t", now)
        );
        Assert.Equal(PlanRules.Plan, PlanRules.CanAmend(plan, DecidingOn(new DateOnly(2021, 3, 31)), itemId)!.Rule);
        Assert.Null(PlanRules.CanAmend(plan, DecidingOn(new DateOnly(2021, 4, 1)), itemId));
    }
}
