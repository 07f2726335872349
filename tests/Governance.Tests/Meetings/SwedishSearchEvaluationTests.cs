using Governance.Decisions;
using Governance.Meetings;
using Governance.Tests.Support;
using Xunit.Abstractions;

namespace Governance.Tests.Meetings;

/// <summary>
/// The Swedish search as members use it: realistic decisions and the words people type for them — inflected and
/// irregular forms, genitives, compounds both ways, å/ä/ö, upper case, two words, municipality names — each with the
/// decisions it must find (all of them) and, where a careless match would hit, some it must not. Recall and precision
/// over the whole list are printed; every query must be right.
/// </summary>
public class SwedishSearchEvaluationTests(AppFixture fixture, ITestOutputHelper output) : MeetingScenario(fixture)
{
    private static readonly (string Key, string Title, string Wording)[] Decisions =
    [
        (
            "kollektivtrafik",
            "Kollektivtrafikplan 2050",
            "Kommittén antog ett gemensamt remissvar på Kollektivtrafikplan 2050."
        ),
        ("bostad", "Bostadsförsörjning på Södertörn", "Kommittén fattade beslut om en gemensam strategi för bostäder."),
        (
            "näringsliv",
            "Näringslivsprogrammet",
            "Kommittén godkänner det regionala näringslivsprogrammet för 2020–2023."
        ),
        ("verksamhetsplan", "Verksamhetsplan och budget 2020", "Verksamhetsplanen fastställs enligt förslaget."),
        (
            "yrkesutbildning",
            "Södertäljes förslag om yrkesutbildning",
            "Förslaget från Södertälje om yrkesutbildning antas."
        ),
        ("sammanträdesplan", "Sammanträdesplan 2021", "Kommittén fastställde sammanträdesplanen för 2021."),
        ("komvux", "Utbildningsplatser inom Komvux", "Antalet platser ska öka med tio procent."),
        ("godstransporter", "Godstransporter på väg 73", "Transporterna av gods på väg 73 utreds vidare."),
        ("lag", "Ny lag om kommunal samverkan", "Kansliet analyserar den nya lagen och återkommer."),
        ("klimat", "Klimatnätverkets rapport", "Rapporten läggs till handlingarna."),
        ("orter", "Ortsanalys för Nykvarn", "Orterna i Nykvarn kartläggs under hösten."),
        ("huddinge", "Huddinges medlemskap", "Huddinge informerade om uppsägningen av avtalet."),
        ("pendeltåg", "Tågtrafik till Nynäshamn", "Kommittén uppvaktar regionen om tätare pendeltåg till Nynäshamn."),
        (
            "upphandling",
            "Gemensam upphandling av diariesystem",
            "Kommunerna upphandlar ett nytt diariesystem gemensamt."
        ),
        ("ungdomar", "Insatser för arbetslösa ungdomar", "Insatserna antogs i konsensus."),
        ("äldreomsorg", "Samverkan kring äldreomsorg", "Tyresö och Haninge leder arbetet med äldreomsorgen."),
        ("cykel", "Regional cykelplan", "En cykelplan för hela regionen tas fram."),
    ];

    /// <summary>Query → the decisions it must find (all of those in the list) and some it must not.</summary>
    private static readonly (string Query, string[] Must, string[] MustNot)[] Queries =
    [
        ("beslutet", ["bostad"], []),
        ("beslut", ["bostad"], []),
        ("antog", ["kollektivtrafik", "yrkesutbildning", "ungdomar"], ["sammanträdesplan", "komvux"]),
        ("antagit", ["kollektivtrafik", "yrkesutbildning", "ungdomar"], ["sammanträdesplan", "komvux"]),
        ("antagna", ["kollektivtrafik", "yrkesutbildning", "ungdomar"], ["sammanträdesplan", "komvux"]),
        ("anta", ["kollektivtrafik", "yrkesutbildning", "ungdomar"], ["sammanträdesplan", "komvux"]),
        ("godkände", ["näringsliv"], []),
        ("godkänner", ["näringsliv"], []),
        ("fastställde", ["verksamhetsplan", "sammanträdesplan"], []),
        ("fastställs", ["verksamhetsplan", "sammanträdesplan"], []),
        ("bostäder", ["bostad"], []),
        ("bostaden", ["bostad"], []),
        ("bostadsstrategi", ["bostad"], []),
        ("näringslivet", ["näringsliv"], []),
        ("näringslivsprogram", ["näringsliv"], []),
        ("trafik", ["kollektivtrafik", "pendeltåg"], ["godstransporter"]),
        ("kollektivtrafikplanen", ["kollektivtrafik"], []),
        ("lagen", ["lag"], ["verksamhetsplan", "yrkesutbildning"]),
        ("lagar", ["lag"], ["verksamhetsplan", "yrkesutbildning"]),
        ("orterna", ["orter"], ["godstransporter"]),
        ("ort", ["orter"], ["godstransporter"]),
        ("transporter", ["godstransporter"], ["orter"]),
        ("godstransport", ["godstransporter"], []),
        ("Södertäljes", ["yrkesutbildning"], []),
        ("SÖDERTÄLJE", ["yrkesutbildning"], []),
        ("södertälje", ["yrkesutbildning"], []),
        ("Huddinge", ["huddinge"], []),
        ("huddinges", ["huddinge"], []),
        ("Nykvarns", ["orter"], []),
        ("Nynäshamn", ["pendeltåg"], []),
        ("tyresö", ["äldreomsorg"], []),
        ("ÄLDREOMSORG", ["äldreomsorg"], []),
        ("omsorg", ["äldreomsorg"], []),
        ("utbildning", ["yrkesutbildning", "komvux"], []),
        ("plan", ["kollektivtrafik", "verksamhetsplan", "sammanträdesplan", "cykel"], []),
        ("cykelplanen", ["cykel"], []),
        ("rapporter", ["klimat"], []),
        ("klimat", ["klimat"], []),
        ("nätverket", ["klimat"], []),
        ("upphandlingen", ["upphandling"], []),
        ("diariesystemet", ["upphandling"], []),
        ("arbetslös ungdom", ["ungdomar"], []),
        ("gemensam strategi", ["bostad"], []),
        ("regionala näringslivsprogrammet", ["näringsliv"], []),
        ("pendeltåg Nynäshamn", ["pendeltåg"], []),
        ("samverkan", ["lag", "äldreomsorg"], []),
        ("procent", ["komvux"], []),
        ("väg 73", ["godstransporter"], []),
        ("regionen", ["pendeltåg", "cykel"], []),
        ("badhus", [], ["kollektivtrafik"]),
    ];

    [Fact]
    public async Task every_listed_query_finds_what_it_must_and_nothing_it_must_not()
    {
        await GivenSodertornWithAllRepresentatives();
        var meeting = await Schedule();
        foreach (var (_, title, _) in Decisions)
            await Act(meeting, "/agenda", new { title, kind = "ärende" }, ChairToken);
        OnTheMeetingDay();
        foreach (var code in new[] { "0127", "0126", "0181", "0140" })
            await Attend(meeting, code);
        var items = (await Get<Meeting>($"/api/meetings/{meeting}", MemberToken)).Agenda;
        for (var i = 0; i < Decisions.Length; i++)
            await Act(
                meeting,
                $"/agenda/{items[i].ItemId}/decision",
                new { wording = Decisions[i].Wording, at = "13:00" },
                SecretaryToken
            );
        await Act(meeting, "/close", new { at = "15:00" }, SecretaryToken);
        await Act(meeting, "/minutes/approval", new { }, ChairToken);

        var keyOf = Decisions.ToDictionary(d => d.Title, d => d.Key);
        int expected = 0,
            found = 0,
            returned = 0,
            right = 0;
        var wrong = new List<string>();
        foreach (var (query, must, mustNot) in Queries)
        {
            var page = await Get<DecisionPage>($"/api/decisions?q={Uri.EscapeDataString(query)}&pageSize=100");
            var hits = page.Hits.Select(h => keyOf[h.ItemTitle]).ToHashSet();
            expected += must.Length;
            found += must.Count(hits.Contains);
            returned += hits.Count;
            right += hits.Count(must.Contains);
            if (must.Any(m => !hits.Contains(m)) || mustNot.Any(hits.Contains) || hits.Any(h => !must.Contains(h)))
                wrong.Add($"{query}: found [{string.Join(", ", hits.Order())}], must [{string.Join(", ", must)}]");
        }
        output.WriteLine(
            $"{Queries.Length} queries: recall {100.0 * found / expected:F1} % ({found}/{expected}), "
                + $"precision {100.0 * right / Math.Max(returned, 1):F1} % ({right}/{returned})"
        );
        Assert.True(Queries.Length >= 40);
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }
}
