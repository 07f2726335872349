using Governance.Agreement;
using Governance.ReferenceData;

namespace Governance.Tests.Agreement;

/// <summary>§9: the agreement as in force on a date, from the signed text and the amendments recorded.</summary>
public class AgreementTextTests
{
    private const string NewFee = "Avgiften är 4 kr per invånare och år.\n\nAvgiften erläggs senast den 15 mars.";

    private static CooperationAgreement Amended(params AgreementAmended[] amendments)
    {
        var agreement = AgreementFixtures.Concluded();
        foreach (var a in amendments)
            agreement.Apply(a);
        return agreement;
    }

    private static AgreementAmended Amendment(
        string clause,
        string wording,
        DateOnly adoptedOn,
        string reference,
        string? heading = null,
        DateOnly? takesEffectOn = null
    ) =>
        new(
            CooperationAgreement.TheId,
            clause,
            wording,
            adoptedOn,
            reference,
            AgreementFixtures.Sodertorn,
            "t",
            AgreementFixtures.Now,
            heading,
            takesEffectOn
        );

    private static AgreementTextOnDate On(DateOnly on, CooperationAgreement agreement) =>
        AgreementText.On(
            on,
            agreement,
            AgreementText2010.Title,
            AgreementText2010.Preamble,
            AgreementText2010.Clauses,
            AgreementText2010.Signatures
        );

    private static ClauseInForce Clause(AgreementTextOnDate text, int number) =>
        text.Clauses.Single(c => c.Number == number);

    [Fact]
    public void the_signed_text_has_ten_clauses_word_for_word_with_their_headings()
    {
        var text = On(new DateOnly(2020, 6, 1), AgreementFixtures.Concluded());

        Assert.Equal(Enumerable.Range(1, 10), text.Clauses.Select(c => c.Number));
        Assert.Equal(
            [
                "Syfte",
                "Avtalstid",
                "Kommitténs sammansättning, beslut mm",
                "Kommitténs arbete",
                "Sekretariat",
                "Finansiering av projekt",
                "Särskilda projekt",
                "Avgift",
                "Utträde ur kommittén",
                "Kommitténs upplösande",
            ],
            text.Clauses.Select(c => c.Heading)
        );
        Assert.Equal("Samarbetsavtal om Södertörnskommunernas samarbetskommitté", text.Title);
        Assert.Equal("Detta avtal gäller fr o m den 1 januari 2010 och tills vidare.", Clause(text, 2).Paragraphs[0]);
        Assert.Equal("Kommittén kan upplösas genom beslut av kommittén.", Clause(text, 10).Paragraphs[0]);
        Assert.Equal(
            "Avgiften erläggs, efter faktura från Huddinge kommun, senast den 15 mars det år avgiften avser.",
            Clause(text, 8).Paragraphs[2]
        );
        Assert.Equal(4, Clause(text, 3).Paragraphs.Count);
        Assert.Equal(8, text.Signatures.Count);
        Assert.All(text.Clauses, c => Assert.Null(c.AmendedBy));
        Assert.All(text.Clauses, c => Assert.Empty(c.History));
        Assert.Equal("§ 8", Clause(text, 8).Label);
    }

    [Fact]
    public void before_an_amendment_the_clause_reads_as_signed_and_from_its_day_as_amended_with_the_signed_as_history()
    {
        var agreement = Amended(Amendment("§8", NewFee, new DateOnly(2017, 2, 2), "Minnesanteckningar 2017-02-02 §5"));

        var before = Clause(On(new DateOnly(2017, 2, 1), agreement), 8);
        Assert.StartsWith("Kommitténs årliga budget", before.Paragraphs[0], StringComparison.Ordinal);
        Assert.Null(before.AmendedBy);

        var after = Clause(On(new DateOnly(2017, 2, 2), agreement), 8);
        Assert.Equal(
            ["Avgiften är 4 kr per invånare och år.", "Avgiften erläggs senast den 15 mars."],
            after.Paragraphs
        );
        Assert.Equal("Avgift", after.Heading); // the heading stays when the amendment names none
        Assert.Equal(
            new ClauseDecision("Minnesanteckningar 2017-02-02 §5", new(2017, 2, 2), new(2017, 2, 2)),
            after.AmendedBy
        );
        var signed = Assert.Single(after.History);
        Assert.Equal(
            (new DateOnly(2010, 1, 1), new DateOnly(2017, 2, 1), (ClauseDecision?)null),
            (signed.From, signed.Until, signed.DecidedBy)
        );
        Assert.StartsWith("Kommitténs årliga budget", signed.Paragraphs[0], StringComparison.Ordinal);
        Assert.Null(Clause(On(new DateOnly(2017, 2, 2), agreement), 7).AmendedBy);
    }

    [Fact]
    public void two_amendments_of_one_clause_the_later_decides_and_the_earlier_becomes_history()
    {
        var agreement = Amended(
            Amendment("§5", "Huddinge kommun tillhandahåller ett kansli.", new DateOnly(2015, 3, 5), "Beslut A"),
            Amendment(
                "§ 5",
                "Botkyrka kommun tillhandahåller kansliet.",
                new DateOnly(2019, 9, 5),
                "Beslut B",
                heading: "Kansli"
            )
        );

        var between = Clause(On(new DateOnly(2018, 1, 1), agreement), 5);
        Assert.Equal("Beslut A", between.AmendedBy!.DecisionReference);
        Assert.Equal(["Huddinge kommun tillhandahåller ett kansli."], between.Paragraphs);

        var latest = Clause(On(new DateOnly(2020, 1, 1), agreement), 5);
        Assert.Equal(("Kansli", "Beslut B"), (latest.Heading, latest.AmendedBy!.DecisionReference));
        Assert.Equal(
            [
                (new DateOnly(2010, 1, 1), new DateOnly(2015, 3, 4), (string?)null),
                (new DateOnly(2015, 3, 5), new DateOnly(2019, 9, 4), "Beslut A"),
            ],
            latest.History.Select(h => (h.From, h.Until, h.DecidedBy?.DecisionReference))
        );
        Assert.Equal("Sekretariat", latest.History[1].Heading);
    }

    [Fact]
    public void a_clause_that_did_not_exist_appears_from_the_day_its_amendment_takes_effect()
    {
        var agreement = Amended(
            Amendment(
                "§11",
                "Tvister avgörs av allmän domstol.",
                new DateOnly(2021, 5, 6),
                "Beslut C",
                heading: "Tvister",
                takesEffectOn: new DateOnly(2022, 1, 1)
            )
        );

        Assert.DoesNotContain(On(new DateOnly(2021, 12, 31), agreement).Clauses, c => c.Number == 11);
        var added = Clause(On(new DateOnly(2022, 1, 1), agreement), 11);
        Assert.Equal(
            ("§ 11", "Tvister", "Tvister avgörs av allmän domstol."),
            (added.Label, added.Heading, added.Paragraphs[0])
        );
        Assert.Equal(new ClauseDecision("Beslut C", new(2021, 5, 6), new(2022, 1, 1)), added.AmendedBy);
        Assert.Empty(added.History);
        Assert.Equal(11, On(new DateOnly(2022, 1, 1), agreement).Clauses.Count);
    }

    [Fact]
    public void an_amendment_taking_effect_later_than_its_adoption_changes_nothing_before_then()
    {
        var agreement = Amended(
            Amendment("§8", NewFee, new DateOnly(2016, 11, 10), "Beslut D", takesEffectOn: new DateOnly(2017, 1, 1))
        );
        Assert.Null(Clause(On(new DateOnly(2016, 12, 31), agreement), 8).AmendedBy);
        Assert.Equal("Beslut D", Clause(On(new DateOnly(2017, 1, 1), agreement), 8).AmendedBy!.DecisionReference);
    }

    [Fact]
    public void a_wording_replaced_on_the_day_it_took_effect_was_never_in_force_and_is_no_history()
    {
        var day = new DateOnly(2019, 4, 4);
        var agreement = Amended(
            Amendment("§7", "Första lydelsen.", day, "Beslut E"),
            Amendment("§7", "Rättad lydelse.", day, "Beslut F")
        );
        var clause = Clause(On(day, agreement), 7);
        Assert.Equal("Beslut F", clause.AmendedBy!.DecisionReference);
        Assert.Equal([(string?)null], clause.History.Select(h => h.DecidedBy?.DecisionReference));
    }

    [Fact]
    public void an_amendment_without_a_clause_number_is_listed_apart_not_lost()
    {
        var agreement = Amended(Amendment("Bilagan", "Ny bilaga.", new DateOnly(2018, 2, 2), "Beslut G"));
        var text = On(new DateOnly(2018, 2, 2), agreement);
        Assert.Equal("Beslut G", Assert.Single(text.UnplacedAmendments).DecisionReference);
        Assert.Equal(10, text.Clauses.Count);
    }

    [Theory]
    [InlineData("§8", 8)]
    [InlineData("§ 10", 10)]
    [InlineData("8 §", 8)]
    [InlineData("Bilagan", null)]
    public void a_clause_is_named_by_its_number(string clause, int? number) =>
        Assert.Equal(number, AgreementText.ClauseNumber(clause));

    [Fact]
    public void the_status_says_whether_the_agreement_applied_on_the_date()
    {
        var agreement = AgreementFixtures.Concluded();
        Assert.Equal(AgreementStatus.NotYetInForce, On(new DateOnly(2009, 12, 31), agreement).Status);
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
        var after = On(new DateOnly(2021, 2, 1), agreement);
        Assert.Equal(
            (AgreementStatus.Dissolved, (DateOnly?)new DateOnly(2021, 1, 10)),
            (after.Status, after.DissolvedOn)
        );
    }
}
