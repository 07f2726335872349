using System.Text.Json;
using Alba;
using Governance.Tests.Support;

namespace Governance.Tests.Agreement;

/// <summary>The agreement as it reads on a date, through the API and on its page, for anyone.</summary>
public class AgreementTextHttpTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string NewFee = "Avgiften är 4 kr per invånare och år.";
    private const string DueDate = "Avgiften erläggs senast den 15 mars det år avgiften avser.";
    private static readonly string[] AllEight = AgreementFixtures.Sodertorn;

    private async Task GivenTheFeeClauseAmendedIn2017()
    {
        await GivenReferenceData();
        await Post(
            "/api/agreement/amendments",
            new
            {
                clause = "§ 8",
                heading = "Avgift per invånare",
                newWording = $"{NewFee}\n\n{DueDate}",
                adoptedOn = "2016-11-10",
                takesEffectOn = "2017-01-01",
                decisionReference = "KS 2016-11-10 §7",
                adoptedBy = AllEight,
                version = 1,
            },
            SecretaryToken,
            200
        );
    }

    private static JsonElement Clause(JsonElement text, int number) =>
        text.GetProperty("clauses").EnumerateArray().Single(c => c.GetProperty("number").GetInt32() == number);

    private static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();

    private static string[] Fields(IScenarioResult result) =>
        [.. result.ReadAsJson<JsonElement>().GetProperty("errors").EnumerateObject().Select(e => e.Name)];

    private async Task<string> Page(string url) =>
        (
            await Host.Scenario(s =>
            {
                s.Get.Url(url);
                s.StatusCodeShouldBeOk();
            })
        ).ReadAsText();

    [Fact]
    public async Task anyone_reads_the_text_in_force_on_a_date_with_the_amended_clause_marked_and_its_earlier_wording()
    {
        await GivenTheFeeClauseAmendedIn2017();

        var before = await Get<JsonElement>("/api/agreement/text?on=2016-12-31");
        Assert.Equal(JsonValueKind.Null, Clause(before, 8).GetProperty("amendedBy").ValueKind);
        Assert.Equal("Avgift", Text(Clause(before, 8), "heading"));

        var after = await Get<JsonElement>("/api/agreement/text?on=2017-01-01");
        Assert.Equal("2017-01-01", Text(after, "on"));
        var fee = Clause(after, 8);
        Assert.Equal("Avgift per invånare", Text(fee, "heading"));
        Assert.Equal([NewFee, DueDate], fee.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()));
        var by = fee.GetProperty("amendedBy");
        Assert.Equal(
            ("KS 2016-11-10 §7", "2016-11-10", "2017-01-01"),
            (Text(by, "decisionReference"), Text(by, "adoptedOn"), Text(by, "takesEffectOn"))
        );
        var earlier = fee.GetProperty("history").EnumerateArray().Single();
        Assert.Equal(("2010-01-01", "2016-12-31"), (Text(earlier, "from"), Text(earlier, "until")));
        Assert.Equal(10, after.GetProperty("clauses").GetArrayLength());
        Assert.Equal("inForce", Text(after, "status"));
    }

    [Fact]
    public async Task without_a_date_the_text_is_todays_and_before_the_agreement_is_recorded_there_is_none()
    {
        await Host.Scenario(s =>
        {
            s.Get.Url("/api/agreement/text");
            s.StatusCodeShouldBe(404);
        });
        await GivenTheFeeClauseAmendedIn2017();
        var today = await Get<JsonElement>("/api/agreement/text");
        Assert.Equal("2020-03-02", Text(today, "on"));
        Assert.Equal("KS 2016-11-10 §7", Text(Clause(today, 8).GetProperty("amendedBy"), "decisionReference"));
    }

    [Fact]
    public async Task the_page_shows_the_text_of_the_date_to_anyone_marking_the_amendment()
    {
        await GivenTheFeeClauseAmendedIn2017();

        var page = await Page("/avtal/lydelse?datum=2018-05-01");
        foreach (
            var shown in new[]
            {
                "<h1 id=\"avtalet\">Samarbetsavtal om Södertörnskommunernas samarbetskommitté</h1>",
                "Lydelse den 2018-05-01.",
                "§ 8 Avgift per invånare",
                "Lydelse enligt beslut KS 2016-11-10 §7, antaget 2016-11-10, gäller från 2017-01-01.",
                "Tidigare lydelser av § 8",
                "Lydelse när avtalet tecknades, gällde 2010-01-01–2016-12-31, rubrik: Avgift.",
                "Kommittén kan upplösas genom beslut av kommittén.",
                "Nynäshamn den 17/6 2010",
            }
        )
        {
            Assert.Contains(shown, page, StringComparison.Ordinal);
        }

        var signed = await Page("/avtal/lydelse?datum=2016-06-01");
        Assert.Contains("§ 8 Avgift</h2>", signed, StringComparison.Ordinal);
        Assert.DoesNotContain("Lydelse enligt beslut", signed, StringComparison.Ordinal);

        var unreadable = await Page("/avtal/lydelse?datum=igår");
        Assert.Contains("Datumet kunde inte läsas", unreadable, StringComparison.Ordinal);
        Assert.Contains("Lydelse den 2020-03-02.", unreadable, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_openapi_document_describes_the_operation_from_its_doc_comment()
    {
        var document = await Get<JsonElement>("/openapi/v1.json");
        var operation = document.GetProperty("paths").GetProperty("/api/agreement/text").GetProperty("get");
        Assert.Equal("GetAgreementText", Text(operation, "operationId"));
        Assert.Equal("The cooperation agreement's text as in force on a date", Text(operation, "summary"));
        Assert.Contains("Öppen: ingen inloggning krävs.", Text(operation, "description"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_amendment_dated_in_the_future_or_taking_effect_before_it_was_adopted_is_refused_on_that_field()
    {
        await GivenReferenceData();
        var before = await EventCount();
        async Task<string[]> Refused(string adoptedOn, string? takesEffectOn, string clause = "§8") =>
            Fields(
                await Post(
                    "/api/agreement/amendments",
                    new
                    {
                        clause,
                        newWording = "Ny lydelse.",
                        adoptedOn,
                        takesEffectOn,
                        decisionReference = "KS §1",
                        adoptedBy = AllEight,
                        version = 1,
                    },
                    SecretaryToken,
                    400
                )
            );

        Assert.Equal(["adoptedOn"], await Refused("2020-03-03", null));
        Assert.Equal(["takesEffectOn"], await Refused("2020-03-02", "2020-03-01"));
        Assert.Equal(["clause"], await Refused("2020-03-02", null, clause: "Avgiften"));
        Assert.Equal(before, await EventCount());
    }
}
