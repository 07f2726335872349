using Governance.Agreement;

namespace Governance.Tests.Agreement;

public class MembershipTests
{
    private static readonly DateOnly Received = new(2021, 6, 15);

    [Fact]
    public void a_party_with_notice_running_is_a_full_member_until_the_withdrawal_date_and_not_from_it()
    {
        var agreement = AgreementFixtures.Concluded().WithNotice("0140", Received);

        Assert.Equal(PartyStatus.Member, agreement.PartyStatusOn("0140", Received.AddDays(-1)));
        Assert.Equal(PartyStatus.NoticeRunning, agreement.PartyStatusOn("0140", Received));
        Assert.Equal(PartyStatus.NoticeRunning, agreement.PartyStatusOn("0140", new DateOnly(2022, 6, 30)));
        Assert.Equal(PartyStatus.Withdrawn, agreement.PartyStatusOn("0140", new DateOnly(2022, 7, 1)));

        Assert.Equal(8, agreement.MembersOn(new DateOnly(2022, 6, 30)).Count);
        Assert.Equal(7, agreement.MembersOn(new DateOnly(2022, 7, 1)).Count);
        Assert.DoesNotContain("0140", agreement.MembersOn(new DateOnly(2022, 7, 1)));
    }

    [Fact]
    public void nobody_is_a_member_before_the_agreement_applies_or_after_the_committee_is_dissolved()
    {
        var agreement = AgreementFixtures.Concluded();
        Assert.Empty(agreement.MembersOn(new DateOnly(2009, 12, 31)));
        Assert.Equal(AgreementStatus.NotYetInForce, agreement.StatusOn(new DateOnly(2009, 12, 31)));
        Assert.Equal(8, agreement.MembersOn(new DateOnly(2010, 1, 1)).Count);

        agreement.Apply(
            new CommitteeDissolved(
                agreement.Id,
                new DateOnly(2030, 6, 30),
                "Protokoll §1",
                0,
                0,
                2029,
                [],
                "t",
                AgreementFixtures.Now
            )
        );
        Assert.Equal(8, agreement.MembersOn(new DateOnly(2030, 6, 30)).Count);
        Assert.Empty(agreement.MembersOn(new DateOnly(2030, 7, 1)));
        Assert.Equal(AgreementStatus.Dissolved, agreement.StatusOn(new DateOnly(2030, 7, 1)));
    }

    [Fact]
    public void the_state_as_of_a_date_shows_only_what_had_happened_by_then()
    {
        var agreement = AgreementFixtures.Concluded().WithNotice("0140", Received);
        agreement.Apply(
            new PartyInformedOfTermination(
                agreement.Id,
                "0140",
                "0127",
                new DateOnly(2021, 6, 20),
                "t",
                AgreementFixtures.Now
            )
        );

        var before = AgreementState.Of(agreement, [], new DateOnly(2021, 6, 14)).Parties.Single(p => p.Code == "0140");
        Assert.Equal(PartyStatus.Member, before.Status);
        Assert.Null(before.NoticeReceivedOn);

        var during = AgreementState.Of(agreement, [], new DateOnly(2021, 6, 19)).Parties.Single(p => p.Code == "0140");
        Assert.Equal(
            (PartyStatus.NoticeRunning, Received, new DateOnly(2022, 6, 30), new DateOnly(2022, 7, 1)),
            (during.Status, during.NoticeReceivedOn, during.LastDayOfMembership, during.WithdrawalDate)
        );
        Assert.Equal(7, during.PartiesToInform.Count);
        Assert.DoesNotContain(during.PartiesToInform, p => p.Informed);

        var later = AgreementState.Of(agreement, [], new DateOnly(2021, 6, 20)).Parties.Single(p => p.Code == "0140");
        Assert.True(later.PartiesToInform.Single(p => p.Code == "0127").Informed);
    }

    [Fact]
    public void a_later_agreement_on_the_same_kind_of_matter_replaces_the_earlier_rule()
    {
        var agreement = AgreementFixtures.Concluded();
        agreement.Apply(
            new AlternativeDecisionRuleAgreed(
                agreement.Id,
                "remissvar",
                DecisionRule.MajorityOfPresent,
                new DateOnly(2020, 1, 1),
                "§1",
                AgreementFixtures.Sodertorn,
                "t",
                AgreementFixtures.Now
            )
        );
        agreement.Apply(
            new AlternativeDecisionRuleAgreed(
                agreement.Id,
                "remissvar",
                DecisionRule.TwoThirdsOfPresent,
                new DateOnly(2021, 1, 1),
                "§2",
                AgreementFixtures.Sodertorn,
                "t",
                AgreementFixtures.Now
            )
        );

        Assert.Empty(AgreementState.RulesInForce(agreement, new DateOnly(2019, 12, 31)));
        Assert.Equal(
            DecisionRule.MajorityOfPresent,
            AgreementState.RulesInForce(agreement, new DateOnly(2020, 6, 1)).Single().Rule
        );
        Assert.Equal(
            DecisionRule.TwoThirdsOfPresent,
            AgreementState.RulesInForce(agreement, new DateOnly(2021, 6, 1)).Single().Rule
        );
    }
}
