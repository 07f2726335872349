using System.Net;
using Governance.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Governance.Tests.Browser;

/// <summary>
/// The pick-a-user sign-in lets anyone act as anyone: outside Development it is off, even in a trial that accepts
/// development tokens, unless the trial turns it on by name.
/// </summary>
public sealed class TrialSignInTests
{
    private static async Task<(HttpStatusCode Picker, string Page)> SignInPageAsync(bool allowReferenceUsers)
    {
        await using var product = await ProductHost.StartAsync(
            TimeProvider.System,
            new Dictionary<string, string?>(ProductionService.Settings)
            {
                ["GOVERNANCE_DB"] = await TestDatabase.FreshDatabaseAsync("governance_trial_tests"),
                ["Governance:LoadReferenceData"] = "false",
                ["Auth:AllowReferenceUsers"] = allowReferenceUsers ? "true" : "false",
            },
            environment: "Production"
        );
        using var browser = new HttpClient(
            new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }
        )
        {
            BaseAddress = new Uri(ProductHost.BaseUrl(product)),
        };
        var page = await browser.GetStringAsync("/logga-in");
        var token = System
            .Text.RegularExpressions.Regex.Match(
                page,
                "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\""
            )
            .Groups[1]
            .Value;
        var picked = await browser.PostAsync(
            "/logga-in?handler=ReferenceUser",
            new FormUrlEncodedContent(
                new Dictionary<string, string> { ["user"] = "secretary", ["__RequestVerificationToken"] = token }
            )
        );
        await product.StopAsync();
        return (picked.StatusCode, page);
    }

    [Fact]
    public async Task in_production_the_picker_is_off_unless_the_trial_names_it()
    {
        var (off, offPage) = await SignInPageAsync(allowReferenceUsers: false);
        // no form, no token: refused
        Assert.True(off is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"picking a user answered {off}");
        Assert.DoesNotContain("Logga in som", offPage, StringComparison.Ordinal);

        var (on, onPage) = await SignInPageAsync(allowReferenceUsers: true);
        Assert.Equal(HttpStatusCode.Redirect, on);
        Assert.Contains("Logga in som Sekretariatet Huddinge", onPage, StringComparison.Ordinal);
    }
}
