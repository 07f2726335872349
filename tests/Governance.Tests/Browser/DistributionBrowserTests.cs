using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Governance.Tests.Browser;

/// <summary>
/// When a registry's mail server is down the minutes land in the dead-letter store; the secretary sees it on the
/// overview
/// and the distribution page and resends; the registry acknowledges with its diarienummer; the audit trail shows who
/// did what.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DistributionBrowserTests(BrowserFixture fixture) : BrowserTest
{
    [Fact]
    public async Task A_failed_delivery_is_resent_from_the_dead_letter_store_and_acknowledged_by_the_registry()
    {
        fixture.SetClock(9, 3, 16, 0);
        fixture.Smtp.Stop();
        try
        {
            await new ApiSeed(fixture).HeldMeetingWithApprovedDecisionAsync(
                new DateOnly(2020, 9, 3),
                "Gemensam upphandling av livsmedel",
                "information",
                "Kommittén ger ledningsgruppen i uppdrag att utreda en gemensam upphandling."
            );

            var secretary = await fixture.SignedInAsync("Sekretariatet Huddinge");
            await secretary.GotoAsync("/utskick");
            var minutes = PageChecks.MinutesDistribution(secretary, "2020-09-03");
            var botkyrka = minutes.Locator("tr", new() { HasText = "Botkyrka" });
            await ReloadUntilAsync(secretary, botkyrka, "misslyckades");
            await Expect(botkyrka.GetByRole(AriaRole.Button, new() { Name = "Skicka om till Botkyrka" }))
                .ToBeVisibleAsync();

            await secretary.GotoAsync("/");
            await Expect(secretary.Locator("section[aria-labelledby='att-gora']"))
                .ToContainTextAsync("utskick misslyckades och behöver skickas om");

            // The mail server is back: resend one municipality's delivery.
            fixture.Smtp.Start();
            await secretary.GotoAsync("/utskick");
            await botkyrka.GetByRole(AriaRole.Button, new() { Name = "Skicka om till Botkyrka" }).PressAsync("Enter");
            await Expect(secretary.Locator("#meddelande")).ToHaveTextAsync("Utskicket till Botkyrka skickas igen.");
            await ReloadUntilAsync(secretary, botkyrka, "skickad");
            await Expect(minutes.Locator("tr", new() { HasText = "Haninge" }).Locator(".status-pill"))
                .ToHaveTextAsync("misslyckades");
            await PageChecks.AssertAccessibleAsync(secretary);

            // Botkyrka's registry files it and acknowledges with its own number.
            var registry = await fixture.SignedInAsync("Registrator Botkyrka");
            await registry.GotoAsync("/utskick");
            var own = PageChecks
                .MinutesDistribution(registry, "2020-09-03")
                .Locator("tr", new() { HasText = "Botkyrka" });
            await own.GetByLabel("Diarienummer").FillAsync("KS 2020/417");
            await own.GetByRole(AriaRole.Button, new() { Name = "Kvittera för Botkyrka" }).PressAsync("Enter");
            await Expect(own).ToContainTextAsync("kvitterad");
            await Expect(own).ToContainTextAsync("KS 2020/417");
            await Expect(registry.Locator("tr", new() { HasText = "Haninge" }).GetByRole(AriaRole.Button))
                .ToHaveCountAsync(0);

            // The audit trail: who did what, overall and for the delivery's own record.
            await secretary.GotoAsync("/handelser");
            var acknowledged = secretary.Locator("tbody tr", new() { HasText = "Mottagande kvitterat" }).First;
            await Expect(acknowledged).ToContainTextAsync("Registrator Botkyrka");
            await Expect(secretary.Locator("tbody tr", new() { HasText = "Utskick skickas om" }).First)
                .ToContainTextAsync("Sekretariatet Huddinge");
            await PageChecks.ScreenshotAsync(secretary, "handelselogg");
            await acknowledged.GetByRole(AriaRole.Link).PressAsync("Enter");
            await Expect(secretary.Locator("tbody tr").First).ToContainTextAsync("Mottagande kvitterat");
            var whats = await secretary.Locator("tbody tr summary").AllTextContentsAsync();
            Assert.Equal(
                ["Mottagande kvitterat", "Utskick skickat", "Utskick skickas om", "Utskick misslyckades slutgiltigt"],
                whats.Take(4)
            );
            Assert.Equal("Utskick begärt", whats[^1]);
        }
        finally
        {
            fixture.Smtp.Start();
        }
    }

    private static async Task ReloadUntilAsync(IPage page, ILocator row, string text)
    {
        var status = row.Locator(".status-pill");
        // The row appears once the minutes' PDF/A is printed.
        await PageChecks.ReloadUntilAsync(
            page,
            async () => await status.CountAsync() > 0 && (await status.TextContentAsync())?.Trim() == text
        );
        await Expect(status).ToHaveTextAsync(text);
    }
}
