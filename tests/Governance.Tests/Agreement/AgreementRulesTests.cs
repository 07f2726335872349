using Governance.Agreement;

namespace Governance.Tests.Agreement;

public class AgreementRulesTests
{
    private static readonly DateOnly Received = new(2021, 6, 15);

    [Fact]
    public void a_notice_is_accepted_from_a_member_whose_council_decided_before_receipt()
    {
        Assert.Null(
            AgreementRules.CanRegisterNotice(AgreementFixtures.Concluded(), "0140", new DateOnly(2021, 5, 17), Received)
        );
        Assert.Null(AgreementRules.CanRegisterNotice(AgreementFixtures.Concluded(), "0140", Received, Received));
    }

    [Fact]
    public void a_council_decision_later_than_receipt_is_refused_under_section_2()
    {
        var refused = AgreementRules.CanRegisterNotice(
            AgreementFixtures.Concluded(),
            "0140",
            Received.AddDays(1),
            Received
        );
        Assert.Equal(AgreementRules.Term, refused!.Rule);
    }

    [Fact]
    public void a_municipality_that_is_not_a_party_cannot_give_notice()
    {
        var refused = AgreementRules.CanRegisterNotice(
            AgreementFixtures.Concluded("0127", "0126"),
            "0140",
            Received,
            Received
        );
        Assert.Equal(AgreementRules.Term, refused!.Rule);
        Assert.Contains("0140", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_second_notice_while_one_is_running_is_refused()
    {
        var agreement = AgreementFixtures.Concluded().WithNotice("0140", Received);
        var refused = AgreementRules.CanRegisterNotice(
            agreement,
            "0140",
            new DateOnly(2021, 9, 1),
            new DateOnly(2021, 9, 2)
        );
        Assert.Equal(AgreementRules.Term, refused!.Rule);
        Assert.Contains("2022-07-01", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void nothing_is_possible_after_dissolution()
    {
        var agreement = AgreementFixtures.Concluded();
        agreement.Apply(
            new CommitteeDissolved(
                agreement.Id,
                new DateOnly(2021, 1, 10),
                "§5",
                0,
                0,
                2020,
                [],
                "t",
                AgreementFixtures.Now
            )
        );

        Assert.Equal(
            AgreementRules.Dissolution,
            AgreementRules.CanRegisterNotice(agreement, "0140", Received, Received)!.Rule
        );
        Assert.Equal(
            AgreementRules.Dissolution,
            AgreementRules.CanAmend(agreement, Received, AgreementFixtures.Sodertorn)!.Rule
        );
        Assert.Equal(
            AgreementRules.Dissolution,
            AgreementRules.CanAgreeAlternativeRule(agreement, Received, AgreementFixtures.Sodertorn)!.Rule
        );
        Assert.Equal(
            AgreementRules.Dissolution,
            DissolutionRules.CanDissolve(agreement, null, Guid.NewGuid(), Received, LaterRecords.None, c => c)!.Rule
        );
    }

    [Fact]
    public void informing_is_recorded_once_per_other_party_and_not_before_receipt()
    {
        var agreement = AgreementFixtures.Concluded().WithNotice("0140", Received);
        Assert.Null(AgreementRules.CanRecordInformed(agreement, "0140", "0127", Received));
        Assert.Equal(AgreementRules.Term, AgreementRules.CanRecordInformed(agreement, "0140", "0140", Received)!.Rule);
        Assert.Equal(AgreementRules.Term, AgreementRules.CanRecordInformed(agreement, "0127", "0140", Received)!.Rule);
        Assert.Equal(
            AgreementRules.Term,
            AgreementRules.CanRecordInformed(agreement, "0140", "0127", Received.AddDays(-1))!.Rule
        );

        agreement.Apply(
            new PartyInformedOfTermination(agreement.Id, "0140", "0127", Received, "t", AgreementFixtures.Now)
        );
        Assert.Equal(AgreementRules.Term, AgreementRules.CanRecordInformed(agreement, "0140", "0127", Received)!.Rule);
    }

    [Fact]
    public void an_alternative_decision_rule_needs_every_member_not_just_those_present()
    {
        var agreement = AgreementFixtures.Concluded();
        Assert.Null(AgreementRules.CanAgreeAlternativeRule(agreement, Received, AgreementFixtures.Sodertorn));
        var sevenOfEight = AgreementFixtures.Sodertorn.Skip(1).ToArray();
        var refused = AgreementRules.CanAgreeAlternativeRule(agreement, Received, sevenOfEight);
        Assert.Equal(AgreementRules.AlternativeRule, refused!.Rule);
        Assert.Contains("0127", refused.Message, StringComparison.Ordinal);
        Assert.Equal(
            AgreementRules.AlternativeRule,
            AgreementRules.CanAgreeAlternativeRule(agreement, Received, [.. AgreementFixtures.Sodertorn, "0180"])!.Rule
        );
    }

    [Fact]
    public void after_a_withdrawal_the_remaining_members_suffice_for_an_alternative_rule_and_an_amendment()
    {
        var agreement = AgreementFixtures.Concluded().WithNotice("0140", Received);
        var remaining = AgreementFixtures.Sodertorn.Where(c => c != "0140").ToArray();
        var afterWithdrawal = new DateOnly(2022, 7, 1);

        Assert.Null(AgreementRules.CanAgreeAlternativeRule(agreement, afterWithdrawal, remaining));
        Assert.Null(AgreementRules.CanAmend(agreement, afterWithdrawal, remaining));
        // §9: while the notice runs, the remaining parties adopt the amendments the withdrawal requires.
        Assert.Null(AgreementRules.CanAmend(agreement, new DateOnly(2022, 3, 1), remaining));
        Assert.Equal(
            AgreementRules.Amendment,
            AgreementRules.CanAmend(agreement, new DateOnly(2022, 3, 1), remaining.Skip(1).ToArray())!.Rule
        );
        Assert.Equal(
            AgreementRules.Amendment,
            AgreementRules.CanAmend(agreement, afterWithdrawal, AgreementFixtures.Sodertorn)!.Rule
        );
    }

    [Fact]
    public void the_agreement_is_concluded_once_and_only_between_registered_municipalities()
    {
        var registered = AgreementFixtures.Sodertorn.ToHashSet();
        Assert.Null(AgreementRules.CanConclude(null, AgreementFixtures.Sodertorn, registered));
        Assert.Equal(AgreementRules.Parties, AgreementRules.CanConclude(null, ["0127", "0180"], registered)!.Rule);
        Assert.Equal(
            AgreementRules.Parties,
            AgreementRules.CanConclude(AgreementFixtures.Concluded(), AgreementFixtures.Sodertorn, registered)!.Rule
        );
    }
}
