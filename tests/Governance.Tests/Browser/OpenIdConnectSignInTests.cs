using System.Net;
using System.Text.RegularExpressions;
using Governance.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace Governance.Tests.Browser;

/// <summary>
/// In production the screens sign in through the organisation's OpenID Connect provider: the sign-in page offers only
/// that, and the product sends the browser to the provider's authorization endpoint (code flow with PKCE). The provider
/// here is a real HTTP server publishing its discovery document.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OpenIdConnectSignInTests(BrowserFixture fixture) : BrowserTest
{
    private WebApplication _provider = null!;
    private WebApplication _product = null!;
    private string _providerUrl = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _provider = builder.Build();
        _provider.MapGet(
            "/.well-known/openid-configuration",
            (HttpRequest r) =>
            {
                var issuer = $"{r.Scheme}://{r.Host}";
                return Results.Json(
                    new Dictionary<string, object>
                    {
                        ["issuer"] = issuer,
                        ["authorization_endpoint"] = issuer + "/authorize",
                        ["token_endpoint"] = issuer + "/token",
                        ["userinfo_endpoint"] = issuer + "/userinfo",
                        ["jwks_uri"] = issuer + "/jwks",
                        ["end_session_endpoint"] = issuer + "/logout",
                        ["response_types_supported"] = new[] { "code" },
                        ["subject_types_supported"] = new[] { "public" },
                        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                    }
                );
            }
        );
        _provider.MapGet("/jwks", () => Results.Json(new { keys = Array.Empty<object>() }));
        _provider.MapGet(
            "/authorize",
            () =>
                Results.Content(
                    "<!DOCTYPE html><title>Inloggning</title><p>Leverantörens inloggning</p>",
                    "text/html; charset=utf-8"
                )
        );
        await _provider.StartAsync();
        _providerUrl = _provider.Urls.First();

        _product = await ProductHost.StartAsync(
            TimeProvider.System,
            new Dictionary<string, string?>
            {
                ["GOVERNANCE_DB"] = await TestDatabase.FreshDatabaseAsync("governance_oidc_tests"),
                ["Governance:LoadReferenceData"] = "false",
                ["Auth:Authority"] = _providerUrl,
                ["Auth:Audience"] = "governance",
                ["Auth:ClientId"] = "governance-web",
                ["Auth:ClientSecret"] = "not-used-before-the-code-exchange",
                ["Auth:RequireHttpsMetadata"] = "false",
            }
        );
    }

    [Fact]
    public async Task The_sign_in_page_offers_the_provider_and_sends_the_browser_there_with_code_and_pkce()
    {
        var cookies = new CookieContainer();
        using var browser = new HttpClient(
            new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }
        )
        {
            BaseAddress = new Uri(ProductHost.BaseUrl(_product)),
        };

        var page = await browser.GetStringAsync("/logga-in?returnUrl=%2Futskick");
        Assert.Contains("Logga in med ditt konto i kommunen", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Sekretariatet Huddinge", page, StringComparison.Ordinal);

        var token = Regex
            .Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")
            .Groups[1]
            .Value;
        var challenge = await browser.PostAsync(
            "/logga-in?handler=Provider",
            new FormUrlEncodedContent(
                new Dictionary<string, string> { ["returnUrl"] = "/utskick", ["__RequestVerificationToken"] = token }
            )
        );
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!;
        Assert.StartsWith(_providerUrl + "/authorize?", location.ToString(), StringComparison.Ordinal);
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("governance-web", query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.EndsWith("/signin-oidc", query["redirect_uri"], StringComparison.Ordinal);

        // The reference users are not offered here.
        var picker = await browser.PostAsync(
            "/logga-in?handler=ReferenceUser",
            new FormUrlEncodedContent(
                new Dictionary<string, string> { ["user"] = "secretary", ["__RequestVerificationToken"] = token }
            )
        );
        Assert.Equal(HttpStatusCode.NotFound, picker.StatusCode);

        // A page that needs sign-in goes straight to the provider.
        var protectedPage = await browser.GetAsync("/utskick");
        Assert.StartsWith(
            _providerUrl + "/authorize?",
            protectedPage.Headers.Location!.ToString(),
            StringComparison.Ordinal
        );

        // Signing out ends the provider's session too: the browser is sent to its end-session endpoint.
        var signOut = await browser.PostAsync(
            "/logga-in?handler=SignOut",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })
        );
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.StartsWith(_providerUrl + "/logout", signOut.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_the_browser_the_sign_in_form_may_send_people_on_to_the_provider()
    {
        // The page's policy names the provider in form-action: the browser checks the redirect after the post too.
        var page = await fixture.NewPageAsync(baseUrl: ProductHost.BaseUrl(_product));
        await page.GotoAsync("/logga-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in med ditt konto i kommunen" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("^" + Regex.Escape(_providerUrl) + "/authorize\\?"));
        await Assertions.Expect(page.GetByText("Leverantörens inloggning")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    public override async Task DisposeAsync()
    {
        await _product.StopAsync();
        await _product.DisposeAsync();
        await _provider.DisposeAsync();
        await base.DisposeAsync();
    }
}
