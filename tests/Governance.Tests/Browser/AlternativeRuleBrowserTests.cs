using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Governance.Tests.Browser;

/// <summary>
/// §3 lets every member agree another rule for a kind of matter: the secretary records the agreement on the agreement
/// page, and at the meeting records the vote member by member; the minutes give the count.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AlternativeRuleBrowserTests(BrowserFixture fixture) : BrowserTest
{
    [Fact]
    public async Task A_vote_under_an_agreed_majority_rule_is_recorded_from_the_meeting_page()
    {
        fixture.SetClock(10, 29, 12, 30);
        var secretary = await fixture.SignedInAsync("Sekretariatet Huddinge");
        await secretary.GotoAsync("/avtal");
        await secretary.GetByText("Annan beslutsregel för en ärendetyp (§3)").PressAsync("Enter");
        var rule = secretary.Locator("#beslutsregel");
        await rule.GetByLabel("Ärendetyp").FillAsync("yttrande");
        await rule.GetByLabel("Regel").SelectOptionAsync("majorityOfPresent");
        await rule.GetByLabel("Överenskommen den").FillAsync("2020-09-15");
        await rule.GetByLabel("Beslutsreferens").FillAsync("Respektive kommunstyrelse, september 2020");
        await rule.GetByRole(AriaRole.Button, new() { Name = "Registrera beslutsregel" }).PressAsync("Enter");
        await Expect(secretary.Locator("section[aria-labelledby='regler']"))
            .ToContainTextAsync("yttrande: majoritet av de närvarande");

        var seed = new ApiSeed(fixture);
        var meetingId = await seed.CommitteeMeetingOnAsync(new DateOnly(2020, 10, 29));
        await seed.FourMembersArriveAsync(meetingId, "12:05");
        var chair = await fixture.SignedInAsync("Daniel Dronjak");
        await chair.GotoAsync($"/sammantraden/{meetingId}");
        await chair.GetByText("Ny punkt på dagordningen").PressAsync("Enter");
        await chair.Locator("#ny-punkt").GetByLabel("Rubrik").FillAsync("Yttrande över regional utvecklingsplan");
        await chair.Locator("#ny-punkt").GetByLabel("Ärendetyp").FillAsync("yttrande");
        await chair
            .Locator("#ny-punkt")
            .GetByRole(AriaRole.Button, new() { Name = "Sätt upp på dagordningen" })
            .PressAsync("Enter");
        await Expect(chair.Locator("ol.agenda")).ToContainTextAsync("Yttrande över regional utvecklingsplan");

        await secretary.GotoAsync($"/sammantraden/{meetingId}");
        var item = secretary.Locator("ol.agenda > li", new() { HasText = "Yttrande över regional utvecklingsplan" });
        await item.GetByText(new Regex("^Registrera beslut för punkt")).PressAsync("Enter");
        var form = item.Locator("form[id^='beslut-']");
        await form.GetByLabel("Beslut (lydelse)").FillAsync("Kommittén antar yttrandet.");
        await form.GetByLabel("Klockslag").FillAsync("13:00");
        await form.GetByText(new Regex("^Omröstning")).PressAsync("Enter");
        foreach (
            var (group, members) in new[]
            {
                ("För", new[] { "Huddinge", "Södertälje", "Salem" }),
                ("Emot", new[] { "Tyresö" }),
            }
        )
        foreach (var member in members)
            await form.GetByRole(AriaRole.Group, new() { Name = group, Exact = true })
                .GetByLabel(member, new() { Exact = true })
                .CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Registrera beslut" }).PressAsync("Enter");
        await Expect(item.Locator(".outcome")).ToContainTextAsync("Beslut: Kommittén antar yttrandet.");

        await secretary.GotoAsync($"/sammantraden/{meetingId}/minnesanteckningar");
        await Expect(secretary.Locator("article.minutes"))
            .ToContainTextAsync(
                "Enligt överenskommen beslutsordning (majoritet av de närvarande): 3 för, 1 emot, 0 avstod."
            );
    }
}
