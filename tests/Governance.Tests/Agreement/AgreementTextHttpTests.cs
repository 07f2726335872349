using System.Text.Json;
using Alba;
using Governance.Tests.Support;

namespace Governance.Tests.Agreement;

/// <summary>The agreement as it reads on a date, through the API and on its page, for anyone.</summary>
public class AgreementTextHttpTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly string[] AllEight = AgreementFixtures.Sodertorn;

    private async Task GivenTheFeeClauseAmendedIn2017()
    {
        await GivenReferenceData();
        await Post("/api/agreement/amendments", new { clause = "§ 8", heading = "Avgift per invånare",
            newWording = "Avgiften är 4 kr per invånare och år.\n\nAvgiften erläggs senast den 15 mars det år avgiften avser.",
            adoptedOn = "2016-11-10", takesEffectOn = "2017-01-01", decisionReference = "KS 2016-11-10 §7", adoptedBy = AllEight,
            version = 1 }, SecretaryToken, 200);
    }

    private static JsonElement Clause(JsonElement text, int number) =>
        text.GetProperty("clauses").EnumerateArray().Single(c => c.GetProperty("number").GetInt32() == number);

    [Fact]
    public async Task anyone_reads_the_text_in_force_on_a_date_with_the_amended_clause_marked_and_its_earlier_wording()
    {
        await GivenTheFeeClauseAmendedIn2017();

        var before = await Get<JsonElement>("/api/agreement/text?on=2016-12-31");
        Assert.Equal(JsonValueKind.Null, Clause(before, 8).GetProperty("amendedBy").ValueKind);
        Assert.Equal("Avgift", Clause(before, 8).GetProperty("heading").GetString());

        var after = await Get<JsonElement>("/api/agreement/text?on=2017-01-01");
        Assert.Equal("2017-01-01", after.GetProperty("on").GetString());
        var fee = Clause(after, 8);
        Assert.Equal("Avgift per invånare", fee.GetProperty("heading").GetString());
        Assert.Equal(["Avgiften är 4 kr per invånare och år.", "Avgiften erläggs senast den 15 mars det år avgiften avser."],
            fee.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()));
        var by = fee.GetProperty("amendedBy");
        Assert.Equal(("KS 2016-11-10 §7", "2016-11-10", "2017-01-01"), (by.GetProperty("decisionReference").GetString(),
            by.GetProperty("adoptedOn").GetString(), by.GetProperty("takesEffectOn").GetString()));
        var earlier = fee.GetProperty("history").EnumerateArray().Single();
        Assert.Equal(("2010-01-01", "2016-12-31"), (earlier.GetProperty("from").GetString(), earlier.GetProperty("until").GetString()));
        Assert.Equal(10, after.GetProperty("clauses").GetArrayLength());
        Assert.Equal("inForce", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task without_a_date_the_text_is_todays_and_before_the_agreement_is_recorded_there_is_none()
    {
        await Host.Scenario(s => { s.Get.Url("/api/agreement/text"); s.StatusCodeShouldBe(404); });
        await GivenTheFeeClauseAmendedIn2017();
        var today = await Get<JsonElement>("/api/agreement/text");
        Assert.Equal("2020-03-02", today.GetProperty("on").GetString());
        Assert.Equal("KS 2016-11-10 §7", Clause(today, 8).GetProperty("amendedBy").GetProperty("decisionReference").GetString());
    }

    [Fact]
    public async Task the_page_shows_the_text_of_the_date_to_anyone_marking_the_amendment()
    {
        await GivenTheFeeClauseAmendedIn2017();

        var page = (await Host.Scenario(s => { s.Get.Url("/avtal/lydelse?datum=2018-05-01"); s.StatusCodeShouldBeOk(); })).ReadAsText();
        Assert.Contains("<h1 id=\"avtalet\">Samarbetsavtal om Södertörnskommunernas samarbetskommitté</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Lydelse den 2018-05-01.", page, StringComparison.Ordinal);
        Assert.Contains("§ 8 Avgift per invånare", page, StringComparison.Ordinal);
        Assert.Contains("Lydelse enligt beslut KS 2016-11-10 §7, antaget 2016-11-10, gäller från 2017-01-01.", page, StringComparison.Ordinal);
        Assert.Contains("Tidigare lydelser av § 8", page, StringComparison.Ordinal);
        Assert.Contains("Lydelse när avtalet tecknades, gällde 2010-01-01–2016-12-31, rubrik: Avgift.", page, StringComparison.Ordinal);
        Assert.Contains("Kommittén kan upplösas genom beslut av kommittén.", page, StringComparison.Ordinal);
        Assert.Contains("Nynäshamn den 17/6 2010", page, StringComparison.Ordinal);

        var signed = (await Host.Scenario(s => s.Get.Url("/avtal/lydelse?datum=2016-06-01"))).ReadAsText();
        Assert.Contains("§ 8 Avgift</h2>", signed, StringComparison.Ordinal);
        Assert.DoesNotContain("Lydelse enligt beslut", signed, StringComparison.Ordinal);

        var unreadable = (await Host.Scenario(s => s.Get.Url("/avtal/lydelse?datum=igår"))).ReadAsText();
        Assert.Contains("Datumet kunde inte läsas", unreadable, StringComparison.Ordinal);
        Assert.Contains("Lydelse den 2020-03-02.", unreadable, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_openapi_document_describes_the_operation_from_its_doc_comment()
    {
        var document = await Get<JsonElement>("/openapi/v1.json");
        var operation = document.GetProperty("paths").GetProperty("/api/agreement/text").GetProperty("get");
        Assert.Equal("GetAgreementText", operation.GetProperty("operationId").GetString());
        Assert.Equal("The cooperation agreement's text as in force on a date.", operation.GetProperty("summary").GetString());
        Assert.Contains("Public, without signing in", operation.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_amendment_dated_in_the_future_or_taking_effect_before_it_was_adopted_is_refused_on_that_field()
    {
        await GivenReferenceData();
        var before = await EventCount();
        object Amendment(string adoptedOn, string? takesEffectOn, string clause = "§8") => new { clause, newWording = "Ny lydelse.",
            adoptedOn, takesEffectOn, decisionReference = "KS §1", adoptedBy = AllEight, version = 1 };
        string[] Fields(IScenarioResult r) => [.. r.ReadAsJson<JsonElement>().GetProperty("errors").EnumerateObject().Select(e => e.Name)];

        Assert.Equal(["adoptedOn"], Fields(await Post("/api/agreement/amendments", Amendment("2020-03-03", null), SecretaryToken, 400)));
        Assert.Equal(["takesEffectOn"], Fields(await Post("/api/agreement/amendments", Amendment("2020-03-02", "2020-03-01"), SecretaryToken, 400)));
        Assert.Equal(["clause"], Fields(await Post("/api/agreement/amendments", Amendment("2020-03-02", null, clause: "Avgiften"), SecretaryToken, 400)));
        Assert.Equal(before, await EventCount());
    }
}
