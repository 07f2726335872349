using Governance.Decisions;
using Governance.Meetings;
using Governance.Tests.Support;

namespace Governance.Tests.Meetings;

public class DecisionSearchHttpTests(AppFixture fixture) : MeetingScenario(fixture)
{
    private async Task<Guid> MeetingWithDecisions(
        string date,
        params (string Title, string Kind, string Wording, string? RaisedBy)[] decisions
    )
    {
        var meeting = await Schedule(date: date);
        foreach (var (title, kind, _, raisedBy) in decisions)
        {
            if (raisedBy is null)
            {
                await Act(meeting, "/agenda", new { title, kind }, ChairToken);
            }
            else
            {
                var raised = await Act(
                    meeting,
                    "/matters",
                    new
                    {
                        title,
                        kind,
                        municipalityCode = raisedBy,
                    },
                    MemberOf(raisedBy)
                );
                var matterId = raised.GetProperty("matters").EnumerateArray().Last().GetProperty("matterId").GetGuid();
                await Act(meeting, "/agenda", new { matterId }, ChairToken);
            }
        }
        OnTheMeetingDay(date);
        foreach (var code in new[] { "0127", "0126", "0181", "0140" })
            await Attend(meeting, code);
        var items = (await Get<Meeting>($"/api/meetings/{meeting}", MemberToken)).Agenda;
        for (var i = 0; i < decisions.Length; i++)
            await Act(
                meeting,
                $"/agenda/{items[i].ItemId}/decision",
                new { wording = decisions[i].Wording, at = "13:00" },
                SecretaryToken
            );
        return meeting;
    }

    private Task<DecisionPage> Search(string query) => Get<DecisionPage>($"/api/decisions?{query}", MemberToken);

    [Fact]
    public async Task search_matches_swedish_inflections_and_parts_of_compound_words_and_filters()
    {
        await GivenSodertornWithAllRepresentatives();
        var april = await MeetingWithDecisions(
            "2020-04-23",
            (
                "Svar på remiss om tvärförbindelse",
                "remissvar",
                "Kommittén lämnar ett gemensamt svar på remissen.",
                "0126"
            ),
            (
                "Kollektivtrafikplan för Södertörn",
                "yttrande",
                "Kommittén ställer sig bakom Kollektivtrafikplan 2030.",
                null
            )
        );
        Fixture.Clock.Set(new DateTimeOffset(2021, 1, 10, 9, 0, 0, TimeSpan.Zero));
        await MeetingWithDecisions(
            "2021-02-04",
            ("Verksamhetsplan 2021", "verksamhetsplan", "Kommittén fastställer verksamhetsplanen.", null)
        );

        // Inflection: "remisser" finds "remiss"/"remissen"; part of a compound: "trafik" finds "Kollektivtrafikplan".
        var remisser = await Search("q=remisser");
        Assert.Equal("Svar på remiss om tvärförbindelse", Assert.Single(remisser.Hits).ItemTitle);
        var trafik = await Search("q=trafik");
        Assert.Equal("Kollektivtrafikplan för Södertörn", Assert.Single(trafik.Hits).ItemTitle);
        Assert.Equal($"/api/meetings/{april}/minutes", trafik.Hits[0].MinutesLink);
        Assert.Empty((await Search("q=badhus")).Hits);

        Assert.Equal(2, (await Search("year=2020")).Total);
        Assert.Equal(1, (await Search("year=2021")).Total);
        Assert.Equal(2, (await Search($"meetingId={april}")).Total);
        Assert.Equal("Huddinge", Assert.Single((await Search("municipality=0126")).Hits).RaisedBy);
        Assert.Single((await Search("kind=verksamhetsplan")).Hits);
        Assert.Equal(3, (await Search("body=committee")).Total);
        Assert.Equal(0, (await Search("body=managementGroup")).Total);
        Assert.Equal(3, (await Search("outcome=decided")).Total);

        var paged = await Search("pageSize=2&page=2");
        Assert.Equal((3L, 2, 1), (paged.Total, paged.Page, paged.Hits.Count));
        Assert.Equal(new DateOnly(2020, 4, 23), paged.Hits[0].MeetingDate); // newest first

        // The public sees decisions once the minutes are approved.
        Assert.Equal(0, (await Get<DecisionPage>("/api/decisions")).Total);
        Version = (await Get<Meeting>($"/api/meetings/{april}", MemberToken)).Version;
        await Act(april, "/close", new { at = "15:00" }, SecretaryToken);
        await Act(april, "/minutes/approval", new { }, ChairToken);
        var published = await Get<DecisionPage>("/api/decisions?q=trafik");
        Assert.Equal("Kollektivtrafikplan för Södertörn", Assert.Single(published.Hits).ItemTitle);
        Assert.Equal(2, (await Get<DecisionPage>("/api/decisions")).Total);
    }

    [Fact]
    public async Task a_count_stops_past_its_bound_and_every_page_up_to_it_is_still_read_in_full()
    {
        // Records as the history projection keeps them: a count past the bound needs more than a test can decide.
        await using (var session = Store.LightweightSession())
        {
            var meeting = Guid.NewGuid();
            for (var i = 1; i <= SearchDecisionsEndpoint.MaxCounted + 5; i++)
                session.Store(
                    new DecisionRecord
                    {
                        Id = Guid.NewGuid(),
                        MeetingId = meeting,
                        MeetingDate = new DateOnly(2020, 4, 23),
                        Year = 2020,
                        ItemNumber = i,
                        ItemTitle = $"Trafikfråga {i}",
                        Text = "Kommittén beslutar.",
                        Lexemes = "trafikfråga trafik fråga kommitté besluta",
                    }
                );
            await session.SaveChangesAsync();
        }

        foreach (var query in new[] { "q=trafik", "" })
        {
            var first = await Search($"{query}&pageSize=20");
            Assert.Equal((SearchDecisionsEndpoint.MaxCounted + 1L, true), (first.Total, first.TotalIsLowerBound));
            var last = await Search($"{query}&pageSize=20&page={SearchDecisionsEndpoint.MaxCounted / 20 + 1}");
            Assert.Equal(5, last.Hits.Count);
        }
        var narrowed = await Search("q=trafikfråga&kind=nothing");
        Assert.Equal((0L, false), (narrowed.Total, narrowed.TotalIsLowerBound));
    }

    [Fact]
    public async Task a_page_deeper_than_the_bound_is_refused_on_page_and_the_deepest_is_read()
    {
        // Every page is read by passing the hits before it: past the bound that grows with the archive.
        var deepest = SearchDecisionsEndpoint.Pages.DeepestPage(20);
        Assert.Equal(SearchDecisionsEndpoint.MaxDepth, deepest * 20);
        Assert.Empty((await Search($"pageSize=20&page={deepest}")).Hits);
        foreach (var tooDeep in new[] { $"pageSize=20&page={deepest + 1}", "pageSize=100&page=11", "page=51" })
        {
            var refused = await Host.Scenario(s =>
            {
                s.Get.Url($"/api/decisions?{tooDeep}");
                s.WithBearerToken(MemberToken);
                s.StatusCodeShouldBe(400);
            });
            var errors = refused.ReadAsJson<System.Text.Json.JsonElement>().GetProperty("errors");
            Assert.StartsWith("Högst de 1000 senaste", errors.GetProperty("page")[0].GetString());
        }
        // The page of the decision history shows the deepest page instead of failing.
        await Host.Scenario(s =>
        {
            s.Get.Url("/beslut?sida=999");
            s.StatusCodeShouldBe(200);
        });
    }

    [Fact]
    public async Task words_of_numerals_that_are_not_digits_and_a_page_year_out_of_bounds_list_without_failing()
    {
        await GivenSodertornWithAllRepresentatives();
        await MeetingWithDecisions(
            "2020-04-23",
            ("Verksamhetsplan 2020", "verksamhetsplan", "Kommittén fastställer verksamhetsplanen.", null)
        );
        // "½", "Ⅳ" and "①" are numerals without a digit: what is left of them to look for is still a query, and
        // punctuation alone is none.
        foreach (var query in new[] { "q=%C2%BD%C2%BD", "q=%E2%85%A3", "q=%E2%91%A0", "q=%C2%BD+verksamhetsplanen" })
            Assert.InRange((await Search(query)).Total, 0, 1);
        Assert.Equal(1, (await Search("q=!!")).Total);
        await Host.Scenario(s =>
        {
            s.Get.Url("/beslut?ar=0&q=%C2%BD");
            s.StatusCodeShouldBe(200);
        });
    }

    [Fact]
    public async Task filters_are_written_into_the_statement_when_plain_and_bound_otherwise()
    {
        await GivenSodertornWithAllRepresentatives();
        await MeetingWithDecisions(
            "2020-04-23",
            ("Svar på remiss om tvärförbindelse", "remissvar", "Kommittén svarar på remissen.", "0126")
        );
        Assert.Equal(1, (await Search("kind=Remissvar&municipality=0126&year=2020&outcome=decided")).Total);
        // A value with a quote is bound, not written: it matches nothing and breaks nothing.
        Assert.Equal(0, (await Search("kind=remissvar%27%20or%20%271%27=%271")).Total);
        Assert.Equal(0, (await Search("municipality=0126%27--")).Total);
    }
}
