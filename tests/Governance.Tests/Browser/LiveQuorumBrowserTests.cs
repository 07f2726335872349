using static Microsoft.Playwright.Assertions;

namespace Governance.Tests.Browser;

/// <summary>
/// During the meeting the quorum indicator follows arrivals recorded elsewhere, without reloading the page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveQuorumBrowserTests(BrowserFixture fixture) : BrowserTest
{
    [Fact]
    public async Task The_indicator_turns_quorate_when_members_arrive()
    {
        fixture.SetClock(12, 10, 12, 10);
        var chair = await fixture.SignedInAsync("Daniel Dronjak");
        await chair.Clock.InstallAsync();
        var seed = new ApiSeed(fixture);
        var meetingId = await seed.CommitteeMeetingOnAsync(new DateOnly(2020, 12, 10));

        await chair.GotoAsync($"/sammantraden/{meetingId}");
        var quorum = chair.Locator("#beslutsforhet");
        await Expect(quorum).ToHaveAttributeAsync("data-live", "true");
        await Expect(quorum.Locator("strong")).ToHaveTextAsync("Inte beslutsför");

        await seed.FourMembersArriveAsync(meetingId, "12:05");
        await Expect(quorum.Locator("strong")).ToHaveTextAsync("Inte beslutsför");
        await chair.Clock.FastForwardAsync("00:31");
        await Expect(quorum.Locator("strong")).ToHaveTextAsync("Beslutsför");
        await Expect(quorum).ToContainTextAsync("4 av 8 ledamöter");
    }
}
