using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Governance.Tests.Browser;

/// <summary>
/// The answers with a policy of their own work in the browser under it, with nothing refused: the API page (Scalar, its
/// inline start by nonce) and the printable minutes (their inline style by hash). The pages are covered by every test.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture fixture) : BrowserTest
{
    [Fact]
    public async Task The_API_page_shows_the_API_under_its_own_policy()
    {
        var page = await fixture.NewPageAsync();
        var response = await page.GotoAsync("/api-docs/");
        Assert.True(response is { Ok: true }, $"/api-docs/: {response?.Status}");
        Assert.Contains("'nonce-", response!.Headers["content-security-policy"], StringComparison.Ordinal);
        await Assertions
            .Expect(page.GetByText("The cooperation agreement's text as in force on a date").First)
            .ToBeAttachedAsync(new() { Timeout = 20_000 });
        await page.GetByText("The cooperation agreement's text as in force on a date").First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Context.CloseAsync();
        // The bundle's schema library tries `Function('')` to see whether it may compile; refused, it interprets.
        Wanted(v =>
            v.Contains("script-src blocked eval", StringComparison.Ordinal)
            && v.Contains("/api-docs/scalar.js", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task The_printable_minutes_are_styled_under_their_own_policy()
    {
        var page = await fixture.SignedInAsync("Sekretariatet Huddinge");
        var response = await page.GotoAsync($"/api/meetings/{await FirstCommitteeMeetingAsync()}/minutes.html");
        Assert.True(response is { Ok: true }, $"minutes.html: {response?.Status}");
        Assert.Contains("'sha256-", response!.Headers["content-security-policy"], StringComparison.Ordinal);
        // The inline style block was applied: the serif face of the printed document.
        var font = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily");
        Assert.Contains("Georgia", font, StringComparison.Ordinal);
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
