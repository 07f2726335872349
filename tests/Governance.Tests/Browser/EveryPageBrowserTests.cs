using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Governance.Tests.Browser;

/// <summary>
/// Every page, as the public and as the secretary (who sees every form): axe-core reports nothing serious or critical,
/// and the keyboard alone reaches every link, button and field with a visible focus.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryPageBrowserTests(BrowserFixture fixture) : BrowserTest
{
    public static readonly TheoryData<string, string?> Pages = new()
    {
        { "/", null },
        { "/kalender?ar=2020", null },
        { "/beslut?q=plan", null },
        { "/plan?ar=2020", null },
        { "/logga-in", null },
        { "/avtal/lydelse", null },
        { "/avtal/lydelse?datum=2020-06-01", "Sekretariatet Huddinge" },
        { "{meeting}", null },
        { "/", "Sekretariatet Huddinge" },
        { "/kalender?ar=2020", "Sekretariatet Huddinge" },
        { "{meeting}", "Sekretariatet Huddinge" },
        { "{meeting}/minnesanteckningar", "Sekretariatet Huddinge" },
        { "/beslut", "Sekretariatet Huddinge" },
        { "/plan?ar=2020", "Sekretariatet Huddinge" },
        { "/avtal", "Sekretariatet Huddinge" },
        { "/kommuner", "Sekretariatet Huddinge" },
        { "/avgifter?ar=2020", "Sekretariatet Huddinge" },
        { "/utskick", "Sekretariatet Huddinge" },
        { "/handelser", "Sekretariatet Huddinge" },
        { "{meeting}", "Daniel Dronjak" },
        { "/plan?ar=2020", "Ledamot Botkyrka" },
        { "/utskick", "Registrator Botkyrka" },
        { "/kontroll?kontrollsumma=" + new string('0', 64), null },
        { "/handelser/verifiering?kontrollera=true", "Sekretariatet Huddinge" },
        { "/arkiv?ar=2020", "Sekretariatet Huddinge" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_passes_axe_and_works_with_the_keyboard_alone(string path, string? user)
    {
        fixture.SetClock(3, 20, 10, 0);
        var page = user is null ? await fixture.NewPageAsync() : await fixture.SignedInAsync(user);
        var response = await page.GotoAsync(
            path.Replace("{meeting}", $"/sammantraden/{await FirstCommitteeMeetingAsync()}")
        );
        Assert.True(response is { Ok: true }, $"{path}: {response?.Status}");

        await PageChecks.AssertAccessibleAsync(page);
        if (user == "Sekretariatet Huddinge" && ScreenshotNames.TryGetValue(path, out var name))
            await PageChecks.ScreenshotAsync(page, name);
        await PageChecks.AssertKeyboardReachesEverythingAsync(page);
        await page.Context.CloseAsync();
    }

    private static readonly Dictionary<string, string> ScreenshotNames = new()
    {
        ["/"] = "oversikt",
        ["/kalender?ar=2020"] = "kalender",
        ["/avtal"] = "avtal",
        ["/plan?ar=2020"] = "plan",
        ["/avgifter?ar=2020"] = "avgifter",
        ["/kommuner"] = "kommuner",
    };

    [Theory]
    [InlineData("/")]
    [InlineData("/kalender?ar=2020")]
    [InlineData("{meeting}")]
    public async Task On_a_phone_the_page_passes_axe_and_nothing_is_wider_than_the_screen(string path)
    {
        fixture.SetClock(3, 20, 10, 0);
        var page = await fixture.SignedInAsync("Sekretariatet Huddinge", viewport: "phone");
        await page.GotoAsync(path.Replace("{meeting}", $"/sammantraden/{await FirstCommitteeMeetingAsync()}"));
        await PageChecks.AssertAccessibleAsync(page);
        if (path == "{meeting}")
            await PageChecks.ScreenshotAsync(page, "sammantrade-mobil");
        var overflow = await page.EvaluateAsync<int>(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        );
        Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a 390px screen");
        await page.Context.CloseAsync();
    }

    private async Task<Guid> FirstCommitteeMeetingAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var meetings = await http.GetFromJsonAsync<JsonElement>("/api/meetings?year=2020&body=committee");
        return meetings
            .GetProperty("meetings")
            .EnumerateArray()
            .First(m => m.GetProperty("status").GetString() != "cancelled")
            .GetProperty("id")
            .GetGuid();
    }
}
