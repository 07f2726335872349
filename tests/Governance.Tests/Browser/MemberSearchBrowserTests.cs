using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Governance.Tests.Browser;

/// <summary>
/// A member looks up the decision history: searches, narrows by year and outcome, sees the words marked, opens the
/// minutes.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MemberSearchBrowserTests(BrowserFixture fixture) : BrowserTest
{
    [Fact]
    public async Task A_member_finds_a_decision_by_part_of_a_compound_word_and_opens_its_minutes()
    {
        fixture.SetClock(6, 4, 16, 0);
        var meetingId = await new ApiSeed(fixture).HeldMeetingWithApprovedDecisionAsync(
            new DateOnly(2020, 6, 4),
            "Remissvar om regional kollektivtrafikplan",
            "remissvar",
            "Kommittén tillstyrker kollektivtrafikplanen med synpunkterna i bilagan."
        );

        var member = await fixture.SignedInAsync("Ledamot Botkyrka");
        await member.GotoAsync("/beslut");
        var search = member.GetByRole(AriaRole.Search);
        await search.GetByLabel("Sökord").FillAsync("trafik");
        await search.GetByLabel("År").FillAsync("2020");
        await search.GetByLabel("Utfall").SelectOptionAsync("decided");
        await search.GetByLabel("Sökord").PressAsync("Enter");

        await Expect(member.GetByRole(AriaRole.Status).Filter(new() { HasText = "beslut hittades" }))
            .ToHaveTextAsync("1 beslut hittades.");
        var hit = member.Locator("ol.hits > li").First;
        await Expect(hit.Locator("mark").First).ToHaveTextAsync("trafik");
        await Expect(hit).ToContainTextAsync("sammanträde 2020-06-04");
        await PageChecks.AssertAccessibleAsync(member);
        await PageChecks.ScreenshotAsync(member, "beslut");

        await hit.GetByRole(AriaRole.Link, new() { Name = "Remissvar om regional kollektivtrafikplan" })
            .PressAsync("Enter");
        await member.WaitForURLAsync($"**/sammantraden/{meetingId}/minnesanteckningar");
        await Expect(member.Locator("article.minutes"))
            .ToContainTextAsync("Kommittén tillstyrker kollektivtrafikplanen");
        await Expect(member.Locator("article.minutes .status")).ToHaveTextAsync("Justerade");

        // Narrowed to another outcome, the same words find nothing.
        await member.GotoAsync("/beslut?q=trafik&ar=2020&utfall=tabled");
        await Expect(member.GetByRole(AriaRole.Status).Filter(new() { HasText = "beslut hittades" }))
            .ToHaveTextAsync("0 beslut hittades.");
    }
}
