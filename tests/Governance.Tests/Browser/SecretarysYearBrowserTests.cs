using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Governance.Tests.Browser;

/// <summary>
/// The secretary's year in a real browser, every step through the screens and with the keyboard: schedule a meeting,
/// the chair puts items on the agenda and issues the notice, attendance makes the meeting quorate, a decision and an
/// objection are recorded, the meeting is closed, the chair approves the minutes, and each municipality's registry is
/// sent them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SecretarysYearBrowserTests(BrowserFixture fixture) : BrowserTest
{
    [Fact]
    public async Task A_meeting_from_scheduling_to_the_registries_is_run_from_the_screens()
    {
        fixture.SetClock(9, 1, 9, 0);
        var secretary = await fixture.SignedInAsync("Sekretariatet Huddinge");

        // The members of the year, for those the reference data does not name.
        await secretary.GotoAsync("/kommuner");
        foreach (
            var (code, name) in new[]
            {
                ("0127", "Ledamot Botkyrka"),
                ("0140", "Ledamot Nykvarn"),
                ("0136", "Ledamot Haninge"),
            }
        )
        {
            await secretary.Locator($"#kommun-{code} ~ details summary").First.PressAsync("Enter");
            var form = secretary.Locator($"#ledamot-{code}");
            await form.GetByLabel("Namn").FillAsync(name);
            await form.GetByLabel("Från och med").FillAsync("2020-01-01");
            await form.GetByRole(AriaRole.Button, new() { Name = "Registrera ledamot" }).PressAsync("Enter");
            await Expect(secretary.Locator("table")).ToContainTextAsync(name);
        }

        // Schedule.
        await secretary.GotoAsync("/kalender?ar=2020");
        var schedule = secretary.Locator("#nytt-sammantrade");
        await schedule.GetByLabel("Organ").SelectOptionAsync("committee");
        await schedule.GetByLabel("Datum", new() { Exact = true }).FillAsync("2020-10-08");
        await schedule.GetByLabel("Börjar").FillAsync("12:00");
        await schedule.GetByLabel("Slutar").FillAsync("15:30");
        await schedule.GetByLabel("Värdkommun").SelectOptionAsync(new SelectOptionValue { Label = "Botkyrka" });
        await schedule.GetByLabel("Plats").FillAsync("Tumba, kommunhuset");
        await schedule.GetByRole(AriaRole.Button, new() { Name = "Planera sammanträdet" }).PressAsync("Enter");
        await secretary.WaitForURLAsync(MeetingPage());
        var meetingUrl = secretary.Url;
        await Expect(secretary.Locator("#meddelande")).ToHaveTextAsync("Sammanträdet är planerat.");
        await Expect(secretary.GetByRole(AriaRole.Heading, new() { Level = 1 }))
            .ToHaveTextAsync("Sammanträde 2020-10-08");

        // The chair sets the agenda and issues the notice, more than seven days before (§4).
        var chair = await fixture.SignedInAsync("Daniel Dronjak");
        await chair.GotoAsync(meetingUrl);
        await AddAgendaItemAsync(chair, "Verksamhetsplan 2021", "verksamhetsplan");
        await AddAgendaItemAsync(chair, "Remiss om regional kollektivtrafikplan", "remissvar");
        await Expect(chair.Locator("ol.agenda > li")).ToHaveCountAsync(2);

        // The proposal goes with the agenda: uploaded from the page, stored by its SHA-256, linked from the item.
        var proposal = System.Text.Encoding.UTF8.GetBytes("%PDF-1.4\n% Förslag till verksamhetsplan 2021\n%%EOF\n");
        await chair.GetByText("Bifoga handling till punkt 1").PressAsync("Enter");
        var attach = chair.Locator("#handling-1");
        await attach.GetByLabel("Rubrik").FillAsync("Förslag till verksamhetsplan 2021");
        await attach
            .GetByLabel("Fil")
            .SetInputFilesAsync(
                new FilePayload
                {
                    Name = "verksamhetsplan-2021.pdf",
                    MimeType = "application/pdf",
                    Buffer = proposal,
                }
            );
        await attach.GetByRole(AriaRole.Button, new() { Name = "Bifoga" }).PressAsync("Enter");
        var document = chair
            .Locator("#punkt-1")
            .GetByRole(AriaRole.Link, new() { Name = "Förslag till verksamhetsplan 2021" });
        await Expect(document).ToBeVisibleAsync();
        var stored = await chair.APIRequest.GetAsync((await document.GetAttributeAsync("href"))!);
        Assert.Equal(proposal, await stored.BodyAsync());
        Assert.StartsWith("attachment", stored.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.Equal("nosniff", stored.Headers["x-content-type-options"]);
        Assert.Contains("sandbox", stored.Headers["content-security-policy"], StringComparison.Ordinal);
        await chair.GetByRole(AriaRole.Button, new() { Name = "Skicka kallelse med dagordning" }).PressAsync("Enter");
        await Expect(chair.GetByText("Kallelse skickad 2020-09-01")).ToBeVisibleAsync();
        await PageChecks.ScreenshotAsync(chair, "sammantrade-kallelse");

        // The meeting day: attendance, and the quorum indicator follows it (half of the eight members, §3).
        // (Weeks later: the sign-in of September has expired, as it would.)
        fixture.SetClock(10, 8, 12, 5);
        secretary = await fixture.SignedInAsync("Sekretariatet Huddinge");
        await secretary.GotoAsync(meetingUrl);
        var quorum = secretary.Locator("#beslutsforhet");
        await Expect(quorum).ToContainTextAsync("Inte beslutsför");
        await Expect(quorum).ToContainTextAsync("0 av 8 ledamöter");
        string[][] members =
        [
            ["Ledamot Botkyrka", "Botkyrka", "inPerson"],
            ["Daniel Dronjak", "Huddinge", "inPerson"],
            ["Ledamot Nykvarn", "Nykvarn", "video"],
            ["Ledamot Haninge", "Haninge", "phone"],
            ["Boel Godner", "Södertälje", "inPerson"],
        ];
        for (var i = 0; i < members.Length; i++)
        {
            await RecordAttendanceAsync(secretary, members[i][0], members[i][1], members[i][2], "12:0" + i);
            await Expect(quorum).ToContainTextAsync($"{i + 1} av 8 ledamöter");
            await Expect(quorum.Locator("strong")).ToHaveTextAsync(i + 1 >= 4 ? "Beslutsför" : "Inte beslutsför");
        }
        await secretary.EvaluateAsync("() => document.getElementById('narvaro').scrollIntoView()");
        await PageChecks.ScreenshotAsync(secretary, "sammantrade-narvaro");

        // A decision in consensus, and an item where a member objects: no decision (§3).
        await RecordDecisionAsync(secretary, 1, "Kommittén fastställer förslaget till verksamhetsplan 2021.", "12:30");
        await Expect(secretary.Locator("#punkt-1 .outcome"))
            .ToContainTextAsync("Beslut: Kommittén fastställer förslaget till verksamhetsplan 2021.");
        await RecordDecisionAsync(
            secretary,
            2,
            "Kommittén ställer sig bakom remissvaret om kollektivtrafikplanen.",
            "13:10",
            objector: "Haninge"
        );
        await Expect(secretary.Locator("#punkt-2 .outcome")).ToContainTextAsync("Inget beslut");
        await Expect(secretary.Locator("#punkt-2 .outcome")).ToContainTextAsync("Invändning från: Haninge");

        // A refusal is shown where the secretary looks, naming the rule: nothing is written.
        var close = secretary.Locator("#avsluta");
        await close.GetByLabel("Avslutat kl.").FillAsync("11:00");
        await close.GetByRole(AriaRole.Button, new() { Name = "Avsluta sammanträdet" }).PressAsync("Enter");
        await Expect(close.Locator(".form-problem")).ToContainTextAsync("kan inte avslutas kl. 11.00");
        await Expect(close.Locator(".form-problem")).ToBeFocusedAsync();
        await Expect(secretary.GetByText("Status: Planerat")).ToBeVisibleAsync();

        await close.GetByLabel("Avslutat kl.").FillAsync("15:00");
        await close.GetByRole(AriaRole.Button, new() { Name = "Avsluta sammanträdet" }).PressAsync("Enter");
        await Expect(secretary.GetByText("Status: Avslutat")).ToBeVisibleAsync();

        // The chair reads and approves the minutes; they go to every member municipality's registry.
        fixture.SetClock(10, 12, 10, 0);
        chair = await fixture.SignedInAsync("Daniel Dronjak");
        secretary = await fixture.SignedInAsync("Sekretariatet Huddinge");
        await chair.GotoAsync("/");
        await chair
            .GetByRole(
                AriaRole.Link,
                new() { Name = "Minnesanteckningarna från sammanträde 2020-10-08 väntar på justering." }
            )
            .PressAsync("Enter");
        await chair.WaitForURLAsync(meetingUrl + "/minnesanteckningar");
        await Expect(chair.Locator("article.minutes")).ToContainTextAsync("Invändning från Haninge");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Justera minnesanteckningarna" }).PressAsync("Enter");
        await Expect(chair.Locator("article.minutes .status")).ToHaveTextAsync("Justerade");
        await PageChecks.ScreenshotAsync(chair, "minnesanteckningar");

        // Printed, the minutes are the document alone: no menus, forms or buttons.
        await chair.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(chair.Locator("header")).ToBeHiddenAsync();
        await Expect(chair.Locator("#justera-form, #rattelse")).ToHaveCountAsync(1);
        await Expect(chair.Locator("#rattelse")).ToBeHiddenAsync();
        await Expect(chair.Locator("article.minutes h1")).ToBeVisibleAsync();
        await chair.EmulateMediaAsync(new() { Media = Media.Screen });

        // A correction after approval is a new record beside the approved text, with what, why and who.
        var correction = chair.Locator("#rattelse");
        await correction
            .GetByLabel("Gäller")
            .SelectOptionAsync(new SelectOptionValue { Label = "§ 1 Verksamhetsplan 2021" });
        await correction.GetByLabel("Vad rättas").SelectOptionAsync("decisionWording");
        await correction
            .GetByLabel("Ny lydelse")
            .FillAsync("Kommittén fastställer förslaget till verksamhetsplan och budget 2021.");
        await correction.GetByLabel("Vad ändrades").FillAsync("Budgeten saknades i lydelsen");
        await correction.GetByLabel("Varför").FillAsync("Skrivfel vid protokollföringen");
        await correction.GetByRole(AriaRole.Button, new() { Name = "Registrera rättelse" }).PressAsync("Enter");
        await Expect(chair.Locator("article.minutes")).ToContainTextAsync("verksamhetsplan och budget 2021");
        await Expect(chair.Locator("article.minutes"))
            .ToContainTextAsync(
                "Daniel Dronjak: Budgeten saknades i lydelsen (beslutets lydelse). Skäl: Skrivfel vid protokollföringen"
            );

        await secretary.GotoAsync("/utskick");
        var minutes = PageChecks.MinutesDistribution(secretary, "2020-10-08");
        foreach (
            var municipality in new[]
            {
                "Botkyrka",
                "Haninge",
                "Huddinge",
                "Nykvarn",
                "Nynäshamn",
                "Salem",
                "Södertälje",
                "Tyresö",
            }
        )
        {
            var row = minutes.Locator("tr", new() { HasText = municipality });
            // The row appears once the minutes' PDF/A is printed, then turns "skickad" when sent.
            await PageChecks.ReloadUntilAsync(
                secretary,
                async () =>
                    await row.CountAsync() > 0
                    && (await row.TextContentAsync() ?? "").Contains("skickad", StringComparison.Ordinal)
            );
            await Expect(row).ToContainTextAsync("skickad");
        }
        // The correction is distributed too (in the background, as the minutes were).
        var correctionSent = secretary.GetByRole(
            AriaRole.Heading,
            new() { Name = "Rättelse: minnesanteckningar 2020-10-08 – Budgeten saknades i lydelsen" }
        );
        await PageChecks.ReloadUntilAsync(secretary, async () => await correctionSent.CountAsync() > 0);
        await Expect(correctionSent).ToBeVisibleAsync();
        Assert.Equal(8, fixture.Smtp.Received.Count(m => m.Subject?.Contains("Minnesanteckningar 2020-10-08") == true));
        await PageChecks.ScreenshotAsync(secretary, "utskick");
    }

    private static async Task AddAgendaItemAsync(IPage chair, string title, string kind)
    {
        await chair.GetByText("Ny punkt på dagordningen").PressAsync("Enter");
        var form = chair.Locator("#ny-punkt");
        await form.GetByLabel("Rubrik").FillAsync(title);
        await form.GetByLabel("Ärendetyp").FillAsync(kind);
        await form.GetByRole(AriaRole.Button, new() { Name = "Sätt upp på dagordningen" }).PressAsync("Enter");
        await Expect(chair.Locator("ol.agenda")).ToContainTextAsync(title);
    }

    private static async Task RecordAttendanceAsync(
        IPage secretary,
        string name,
        string municipality,
        string mode,
        string arrivedAt
    )
    {
        var form = secretary.Locator("#narvaroform");
        await form.GetByLabel("Namn").FillAsync(name);
        await form.GetByLabel("Roll").SelectOptionAsync("member");
        await form.GetByLabel("Kommun").SelectOptionAsync(new SelectOptionValue { Label = municipality });
        await form.GetByLabel("Närvarar").SelectOptionAsync(mode);
        await form.GetByLabel("Kom kl.").FillAsync(arrivedAt);
        await form.GetByRole(AriaRole.Button, new() { Name = "Registrera närvaro" }).PressAsync("Enter");
        try
        {
            await Expect(secretary.Locator("section[aria-labelledby='narvaro'] table")).ToContainTextAsync(name);
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException(await secretary.Locator("main").InnerTextAsync(), e);
        }
    }

    private static async Task RecordDecisionAsync(
        IPage secretary,
        int item,
        string wording,
        string at,
        string? objector = null
    )
    {
        await secretary.GetByText($"Registrera beslut för punkt {item}").PressAsync("Enter");
        var form = secretary.Locator($"#beslut-{item}");
        await form.GetByLabel("Beslut (lydelse)").FillAsync(wording);
        await form.GetByLabel("Klockslag").FillAsync(at);
        if (objector is not null)
            await form.GetByRole(AriaRole.Group, new() { NameRegex = new Regex("invänder") })
                .GetByLabel(objector, new() { Exact = true })
                .CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Registrera beslut" }).PressAsync("Enter");
        await Expect(secretary.Locator($"#punkt-{item} .outcome")).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"/sammantraden/[0-9a-f-]{36}$")]
    private static partial Regex MeetingPage();
}
