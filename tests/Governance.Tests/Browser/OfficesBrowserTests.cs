using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Governance.Tests.Browser;

/// <summary>
/// §3: each year the committee elects its chair and vice chair among its members; the secretary records it, and the
/// rule is shown when broken.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfficesBrowserTests(BrowserFixture fixture) : BrowserTest
{
    [Fact]
    public async Task Next_years_chair_and_vice_chair_are_recorded_and_one_member_cannot_hold_both()
    {
        fixture.SetClock(11, 20, 10, 0);
        var secretary = await fixture.SignedInAsync("Sekretariatet Huddinge");
        await secretary.GotoAsync("/kommuner?ar=2021");
        var offices = secretary.Locator("section[aria-labelledby='uppdrag']");
        await Expect(offices).ToContainTextAsync("Inga uppdrag registrerade den 2021-01-01.");

        await Appoint(secretary, "Utse ordförande 2021", "#utse-ordforande", "Huddinge", "Daniel Dronjak");
        await Expect(offices)
            .ToContainTextAsync("Ordförande i samarbetskommittén: Daniel Dronjak (Huddinge) från 2021-01-01");

        await Appoint(secretary, "Utse vice ordförande 2021", "#utse-vice", "Huddinge", "Daniel Dronjak");
        await Expect(secretary.Locator("#utse-vice .form-problem"))
            .ToContainTextAsync("§3 ordförande och vice ordförande");

        await secretary.ReloadAsync();
        await Appoint(secretary, "Utse vice ordförande 2021", "#utse-vice", "Södertälje", "Boel Godner");
        await Expect(offices)
            .ToContainTextAsync("Vice ordförande i samarbetskommittén: Boel Godner (Södertälje) från 2021-01-01");
    }

    private static async Task Appoint(IPage page, string summary, string formId, string municipality, string person)
    {
        await page.GetByText(summary).PressAsync("Enter");
        var form = page.Locator(formId);
        await form.GetByLabel("Kommun", new() { Exact = true })
            .SelectOptionAsync(new SelectOptionValue { Label = municipality });
        await form.GetByRole(AriaRole.Textbox, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Namn") })
            .FillAsync(person);
        await form.GetByRole(AriaRole.Button).PressAsync("Enter");
    }
}
