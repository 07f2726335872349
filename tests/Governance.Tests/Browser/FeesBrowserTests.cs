using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Governance.Tests.Browser;

/// <summary>
/// The secretary replaces the sample populations with SCB's table, the fee schedule follows (§8), and a special
/// project's
/// cost is split by population among those taking part (§7); amounts are written the Swedish way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FeesBrowserTests(BrowserFixture fixture) : BrowserTest
{
    private const string Scb2019 = """
        Kommunkod;Kommun;Folkmängd 2019-12-31
        0127;Botkyrka;95 000
        0136;Haninge;92 000
        0126;Huddinge;112 500
        0140;Nykvarn;11 200
        0192;Nynäshamn;28 500
        0128;Salem;17 100
        0181;Södertälje;98 600
        0138;Tyresö;48 300
        """;

    [Fact]
    public async Task Populations_imported_from_scb_set_the_fees_and_split_a_special_project()
    {
        fixture.SetClock(5, 4, 10, 0);
        var secretary = await fixture.SignedInAsync("Sekretariatet Huddinge");
        await secretary.GotoAsync("/kommuner");
        await secretary.GetByText("Importera folkmängd från SCB").PressAsync("Enter");
        var import = secretary.Locator("#scb-import");
        await import.GetByLabel("År (31 december)").FillAsync("2019");
        await import.GetByLabel("SCB:s tabell").FillAsync(Scb2019);
        await import.GetByRole(AriaRole.Button, new() { Name = "Importera" }).PressAsync("Enter");
        await Expect(secretary.Locator("#meddelande")).ToHaveTextAsync("Folkmängden är importerad.");
        await Expect(secretary.Locator("table tr", new() { HasText = "Botkyrka" }).First)
            .ToContainTextAsync("95 000 (2019)");

        await secretary.GotoAsync("/avgifter?ar=2020");
        await Expect(secretary.Locator("table tr", new() { HasText = "Botkyrka" }).First)
            .ToContainTextAsync("380 000,00");

        await secretary.GetByText("Starta ett särskilt projekt").PressAsync("Enter");
        var project = secretary.Locator("#nytt-projekt");
        await project.GetByLabel("Namn").FillAsync("Gemensam kompetensförsörjning");
        await project.GetByLabel("Kostnad (kr)").FillAsync("100 000");
        foreach (var municipality in new[] { "Huddinge", "Nykvarn", "Nynäshamn", "Salem", "Södertälje", "Tyresö" })
            await project.GetByLabel(municipality, new() { Exact = true }).UncheckAsync();
        await project.GetByLabel("Beslutat den").FillAsync("2020-04-30");
        await project.GetByLabel("Beslutsreferens").FillAsync("SSK 2020-04-02 §7");
        await project.GetByRole(AriaRole.Button, new() { Name = "Starta projektet" }).PressAsync("Enter");

        var shares = secretary.GetByRole(AriaRole.Table, new() { Name = "Bidrag till Gemensam kompetensförsörjning" });
        await Expect(shares.Locator("tr", new() { HasText = "Botkyrka" })).ToContainTextAsync("50 802,14");
        await Expect(shares.Locator("tr", new() { HasText = "Haninge" })).ToContainTextAsync("49 197,86");
        await Expect(shares.Locator("tbody tr")).ToHaveCountAsync(2);
    }
}
