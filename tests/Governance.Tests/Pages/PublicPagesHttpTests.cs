using Alba;
using Governance.Tests.Meetings;
using Governance.Tests.Support;

namespace Governance.Tests.Pages;

/// <summary>
/// The public pages, through real HTTP: Swedish, one main landmark, and the search marks what it found.
/// </summary>
public class PublicPagesHttpTests(AppFixture fixture) : MeetingScenario(fixture)
{
    private async Task<string> Page(string url)
    {
        var result = await Host.Scenario(s => s.Get.Url(url));
        var html = result.ReadAsText();
        Assert.Contains("<html lang=\"sv\">", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"innehall\"", html, StringComparison.Ordinal);
        Assert.Contains("Hoppa till innehållet", html, StringComparison.Ordinal);
        return html;
    }

    [Fact]
    public async Task the_calendar_page_lists_both_bodies_and_marks_cancelled_meetings()
    {
        await GivenReferenceData();
        var html = await Page("/kalender?ar=2020");
        Assert.Contains("Kalender 2020", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("class=\"cancelled\"").Length - 1);
        Assert.Contains("Planeringskonferens", html, StringComparison.Ordinal);
        Assert.Contains("2020-04-02", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_overview_shows_the_next_meetings_and_links_the_feeds()
    {
        await GivenReferenceData();
        var html = await Page("/");
        // the clock stands in March 2020: meetings ahead
        Assert.Contains("/sammantraden/", html, StringComparison.Ordinal);
        Assert.Contains("/calendar.ics", html, StringComparison.Ordinal);
        Assert.Contains("/minutes.atom", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_decision_search_page_finds_approved_decisions_and_marks_the_words()
    {
        await GivenSodertornWithAllRepresentatives();
        var meeting = await Schedule();
        var agenda = await Act(
            meeting,
            "/agenda",
            new { title = "Kollektivtrafikplan 2050", kind = "remissvar" },
            ChairToken
        );
        var item = agenda.GetProperty("agenda")[0].GetProperty("itemId").GetGuid();
        OnTheMeetingDay();
        foreach (var code in new[] { "0127", "0126", "0181", "0140" })
            await Attend(meeting, code);
        await Act(
            meeting,
            $"/agenda/{item}/decision",
            new { wording = "Kommittén lämnar ett gemensamt remissvar.", at = "13:00" },
            SecretaryToken
        );

        // not approved yet
        Assert.Contains("0 beslut hittades", await Page("/beslut?q=trafik"), StringComparison.Ordinal);

        await Act(meeting, "/close", new { at = "15:00" }, SecretaryToken);
        await Act(meeting, "/minutes/approval", new { }, ChairToken);
        var html = await Page("/beslut?q=trafik");
        Assert.Contains("1 beslut hittades", html, StringComparison.Ordinal);
        Assert.Contains("Kollektiv<mark>trafik</mark>plan 2050", html, StringComparison.Ordinal);
        Assert.Contains($"/sammantraden/{meeting}/minnesanteckningar", html, StringComparison.Ordinal);
    }
}
