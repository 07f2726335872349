using Governance.Agreement;
using Governance.Fees;
using Governance.Infrastructure.Problems;
using Governance.Meetings;
using Governance.Offices;
using Governance.Plans;
using Governance.Projects;
using Governance.ReferenceData;

namespace Governance.Tests.Agreement;

/// <summary>§10: a committee decision at a meeting held dissolves it, if nothing recorded happened later.</summary>
public class DissolutionRulesTests
{
    private static readonly DateOnly Day = new(2020, 12, 10);
    private static readonly DateOnly Today = new(2020, 12, 11);
    private static readonly Guid ItemId = Guid.NewGuid();
    private static readonly DateTimeOffset Now = AgreementFixtures.Now;

    internal static Meeting Deciding(
        Body body = Body.Committee,
        OutcomeKind outcome = OutcomeKind.Decided,
        DateOnly? on = null
    ) =>
        new()
        {
            Id = Guid.NewGuid(),
            Body = body,
            Date = on ?? Day,
            EndDate = on ?? Day,
            Agenda =
            [
                new AgendaItem(
                    ItemId,
                    9,
                    "Kommitténs upplösning",
                    "beslut",
                    null,
                    null,
                    [],
                    new Outcome(
                        outcome,
                        "Kommittén upplöses.",
                        DecisionRule.Consensus,
                        [],
                        null,
                        new QuorumSnapshot(new TimeOnly(13, 0), 8, 8, 4, true, AgreementFixtures.Sodertorn),
                        Now
                    ),
                    null
                ),
            ],
        };

    private static RuleViolation? Dissolve(
        CooperationAgreement agreement,
        Meeting? meeting,
        LaterRecords? later = null,
        Guid? item = null,
        DateOnly? today = null
    ) =>
        DissolutionRules.CanDissolve(
            agreement,
            meeting,
            item ?? ItemId,
            today ?? Today,
            later ?? LaterRecords.None,
            c => $"kommun {c}"
        );

    [Fact]
    public void a_decision_at_a_committee_meeting_held_dissolves_it()
    {
        Assert.Null(Dissolve(AgreementFixtures.Concluded(), Deciding()));
        Assert.Null(Dissolve(AgreementFixtures.Concluded(), Deciding(), today: Day)); // recorded the same day
    }

    [Fact]
    public void it_must_be_a_decision_of_the_committee_itself_at_a_meeting_that_has_been_held()
    {
        var agreement = AgreementFixtures.Concluded();
        Assert.True(Dissolve(agreement, null)!.IsNotFound);
        Assert.True(Dissolve(agreement, Deciding(), item: Guid.NewGuid())!.IsNotFound);
        Assert.Equal(AgreementRules.Dissolution, Dissolve(agreement, Deciding(Body.ManagementGroup))!.Rule);
        Assert.Equal(AgreementRules.Dissolution, Dissolve(agreement, Deciding(outcome: OutcomeKind.NotDecided))!.Rule);
        Assert.Equal(AgreementRules.Dissolution, Dissolve(agreement, Deciding(outcome: OutcomeKind.Tabled))!.Rule);
        var future = Dissolve(agreement, Deciding(on: Today.AddDays(1)));
        Assert.Equal(AgreementRules.Dissolution, future!.Rule);
        Assert.Contains("2020-12-12", future.Message, StringComparison.Ordinal);
        Assert.Equal(AgreementRules.Dissolution, Dissolve(agreement, Deciding(on: new DateOnly(2009, 12, 1)))!.Rule);
    }

    [Fact]
    public void acts_of_the_agreement_dated_after_the_meeting_refuse_it_each_named_with_its_date()
    {
        var agreement = AgreementFixtures.Concluded().WithNotice("0140", Day.AddDays(3));
        agreement.Apply(new PartyInformedOfTermination(agreement.Id, "0140", "0127", Day.AddDays(4), "t", Now));
        agreement.Apply(
            new AgreementAmended(
                agreement.Id,
                "§8",
                "Ny avgift.",
                Day.AddDays(5),
                "Beslut",
                AgreementFixtures.Sodertorn,
                "t",
                Now
            )
        );

        var refused = Dissolve(agreement, Deciding());
        Assert.Equal(AgreementRules.Dissolution, refused!.Rule);
        Assert.Contains("2020-12-13 uppsägning från kommun 0140 mottogs", refused.Message, StringComparison.Ordinal);
        Assert.Contains("2020-12-14 kommun 0127 underrättades", refused.Message, StringComparison.Ordinal);
        Assert.Contains("2020-12-15 ändring av §8 antogs", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_meeting_held_later_a_later_payment_proposal_and_project_refuse_it_but_meetings_only_planned_do_not()
    {
        var held = new Meeting
        {
            Id = Guid.NewGuid(),
            Body = Body.ManagementGroup,
            Date = Day.AddDays(1),
            Status = MeetingStatus.Closed,
        };
        var planned = new Meeting
        {
            Id = Guid.NewGuid(),
            Body = Body.Committee,
            Date = Day.AddDays(20),
        };
        var ledger = FeeLedger.Create(new FeeRuleSet(FeeLedger.TheId, Plan2020.FeeRules[0], "t", Now));
        var fees = new FeeYearProjection().Create(
            new FeePaymentRecorded(FeeLedger.TheId, 2020, "0127", 100m, Day.AddDays(2), "t", Now)
        );
        var plan = ActivityPlan.Create(new PlanDrafted(ActivityPlan.IdFor(2021), 2021, Plan2020.Content, "t", Now));
        plan.Apply(new PlanProposalSent(plan.Id, 2021, 1, ["0126"], Day.AddDays(3), "t", Now));
        var project = new SpecialProject { Name = "Cykelstråk", DecidedOn = Day.AddDays(4) };

        var byPayment = Dissolve(
            AgreementFixtures.Concluded(),
            Deciding(),
            new LaterRecords([planned], ledger, [fees], [], [])
        );
        Assert.Equal(
            "Upplösningen beslutades 2020-12-10, men senare än så har registrerats: "
                + "2020-12-12 betalning från kommun 0127.",
            byPayment!.Message
        );
        var refused = Dissolve(
            AgreementFixtures.Concluded(),
            Deciding(),
            new LaterRecords([held, planned], ledger, [fees], [plan], [project])
        );
        Assert.Equal(AgreementRules.Dissolution, refused!.Rule);
        Assert.Contains("2020-12-11 sammanträde (Ledningsgruppen) hölls", refused.Message, StringComparison.Ordinal);
        Assert.Contains("2020-12-12 betalning från kommun 0127", refused.Message, StringComparison.Ordinal);
        Assert.Contains(
            "2020-12-13 förslag till verksamhetsplan 2021 skickades till kommun 0126",
            refused.Message,
            StringComparison.Ordinal
        );
        Assert.Contains("2020-12-14 särskilt projekt Cykelstråk beslutades", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("2020-12-30", refused.Message, StringComparison.Ordinal);

        Assert.Null(Dissolve(AgreementFixtures.Concluded(), Deciding(), new LaterRecords([planned], null, [], [], [])));
    }

    [Fact]
    public void the_deciding_meeting_itself_and_acts_on_its_own_day_are_not_later()
    {
        var deciding = Deciding();
        deciding.Status = MeetingStatus.Closed;
        var sameDay = new Meeting
        {
            Id = Guid.NewGuid(),
            Body = Body.ManagementGroup,
            Date = Day,
            Status = MeetingStatus.Closed,
        };
        var agreement = AgreementFixtures.Concluded().WithNotice("0140", Day);
        Assert.Null(Dissolve(agreement, deciding, new LaterRecords([deciding, sameDay], null, [], [], [])));
    }

    [Fact]
    public void nothing_is_dissolved_twice()
    {
        var agreement = AgreementFixtures.Concluded();
        agreement.Apply(new CommitteeDissolved(agreement.Id, Day, "§9", 0, 0, 2019, [], "t", Now));
        Assert.Equal(AgreementRules.Dissolution, Dissolve(agreement, Deciding())!.Rule);
    }
}

/// <summary>§10: after the dissolution, only the record of the meeting that decided it may be finished.</summary>
public class AfterDissolutionTests
{
    private static readonly Guid Dissolving = Guid.NewGuid();

    private static CooperationAgreement Dissolved(Guid? meeting)
    {
        var agreement = AgreementFixtures.Concluded();
        agreement.Apply(
            new CommitteeDissolved(
                agreement.Id,
                new DateOnly(2020, 12, 10),
                "Minnesanteckningar 2020-12-10 §9",
                0,
                0,
                2019,
                [],
                "t",
                AgreementFixtures.Now,
                meeting,
                meeting is null ? null : Guid.NewGuid()
            )
        );
        return agreement;
    }

    [Theory]
    [InlineData("/api/meetings/{meetingId}/close", AfterDissolutionAccess.DissolvingMeetingOnly)]
    [InlineData("/api/meetings/{meetingId}/minutes/text", AfterDissolutionAccess.DissolvingMeetingOnly)]
    [InlineData("/api/meetings/{meetingId}/minutes/approval", AfterDissolutionAccess.DissolvingMeetingOnly)]
    [InlineData("/api/meetings/{meetingId}/minutes/corrections", AfterDissolutionAccess.DissolvingMeetingOnly)]
    [InlineData("/api/distribution/{deliveryId}/acknowledgement", AfterDissolutionAccess.Open)]
    [InlineData("/api/distribution/{deliveryId}/resend", AfterDissolutionAccess.Open)]
    [InlineData("/receipts/{deliveryId}", AfterDissolutionAccess.Open)]
    [InlineData("/api/meetings/{meetingId}/attendance", AfterDissolutionAccess.Refused)]
    [InlineData("/api/meetings/{meetingId}/agenda/{itemId}/decision", AfterDissolutionAccess.Refused)]
    [InlineData("/api/meetings/{meetingId}/agenda", AfterDissolutionAccess.Refused)]
    [InlineData("/api/meetings", AfterDissolutionAccess.Refused)]
    [InlineData("/api/municipalities", AfterDissolutionAccess.Refused)]
    [InlineData("/api/agreement/termination-notices", AfterDissolutionAccess.Refused)]
    public void each_write_is_refused_open_or_open_for_the_dissolving_meeting_only(
        string route,
        AfterDissolutionAccess access
    ) => Assert.Equal(access, AfterDissolution.Of(route));

    [Fact]
    public void the_dissolving_meetings_record_may_be_finished_and_no_other_meetings()
    {
        var agreement = Dissolved(Dissolving);
        Assert.Null(AfterDissolution.Check(agreement, AfterDissolutionAccess.DissolvingMeetingOnly, Dissolving));
        var other = AfterDissolution.Check(agreement, AfterDissolutionAccess.DissolvingMeetingOnly, Guid.NewGuid());
        Assert.Equal(AgreementRules.Dissolution, other!.Rule);
        Assert.Contains("2020-12-10", other.Message, StringComparison.Ordinal);
        Assert.Equal(
            AgreementRules.Dissolution,
            AfterDissolution.Check(agreement, AfterDissolutionAccess.Refused, Dissolving)!.Rule
        );
        Assert.Null(AfterDissolution.Check(agreement, AfterDissolutionAccess.Open, null));
    }

    [Fact]
    public void a_dissolution_recorded_without_its_meeting_leaves_no_meeting_open()
    {
        var agreement = Dissolved(null);
        Assert.NotNull(AfterDissolution.Check(agreement, AfterDissolutionAccess.DissolvingMeetingOnly, Guid.NewGuid()));
    }

    [Fact]
    public void before_a_dissolution_every_write_may_go_on()
    {
        Assert.Null(AfterDissolution.Check(AgreementFixtures.Concluded(), AfterDissolutionAccess.Refused, null));
        Assert.Null(AfterDissolution.Check(null, AfterDissolutionAccess.Refused, null));
    }

    [Fact]
    public void meetings_planned_after_the_dissolution_are_shown_cancelled_by_it_and_the_rest_as_they_are()
    {
        var dissolution = Dissolved(Dissolving).Dissolution!;
        Meeting On(DateOnly date, MeetingStatus status = MeetingStatus.Scheduled) =>
            new()
            {
                Id = Guid.NewGuid(),
                Date = date,
                Status = status,
                CalendarSequence = 1,
            };

        var later = On(new DateOnly(2021, 1, 14));
        var shown = MeetingsAfterDissolution.AsShown(later, dissolution);
        Assert.Equal((MeetingStatus.Cancelled, 2), (shown.Status, shown.CalendarSequence));
        Assert.Equal("Kommittén upplöstes 2020-12-10 (Minnesanteckningar 2020-12-10 §9).", shown.CancellationReason);
        Assert.Equal(MeetingStatus.Scheduled, later.Status); // the stored meeting is not changed

        var sameDay = On(new DateOnly(2020, 12, 10));
        Assert.Same(sameDay, MeetingsAfterDissolution.AsShown(sameDay, dissolution));
        var cancelledBefore = On(new DateOnly(2021, 2, 1), MeetingStatus.Cancelled);
        Assert.Same(cancelledBefore, MeetingsAfterDissolution.AsShown(cancelledBefore, dissolution));
        Assert.Same(later, MeetingsAfterDissolution.AsShown(later, null));
    }
}
