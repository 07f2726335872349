using System.Net;
using System.Text.RegularExpressions;
using Governance.Infrastructure.Security;
using Governance.Tests.Browser;
using Governance.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Governance.Tests.Operations;

/// <summary>
/// Behind a proxy that ends TLS (deploy/Caddyfile) and forwards X-Forwarded-For, -Proto and -Host: requests arrive here
/// over plain HTTP from the proxy's address, as the proxy would send them, on real Kestrel.
/// </summary>
public sealed partial class BehindTlsProxyTests
{
    private const string PublicHost = "samarbetskommitten.example";

    [Fact]
    public async Task through_a_known_proxy_the_cookie_is_secure_and_the_provider_and_the_feeds_name_the_https_address()
    {
        await using var picker = await StartAsync(
            "governance_proxy_tests",
            new() { ["Governance:LoadReferenceData"] = "true" }
        );
        using var browser = Browser(picker);

        var session = await SignInAsync(browser);
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);

        var calendar = await SendAsync(browser, HttpMethod.Get, "/calendar.ics");
        Assert.Contains(
            $"URL:https://{PublicHost}/sammantraden/",
            await calendar.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
        var atom = await SendAsync(browser, HttpMethod.Get, "/minutes.atom");
        Assert.Contains(
            $"href=\"https://{PublicHost}/minutes.atom\"",
            await atom.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );

        await using var provider = await FakeProvider.StartAsync();
        await using var withProvider = await StartAsync(
            "governance_proxy_oidc_tests",
            new()
            {
                ["Auth:Authority"] = provider.Url,
                ["Auth:Audience"] = "governance",
                ["Auth:ClientId"] = "governance-web",
                ["Auth:ClientSecret"] = "not-used",
                ["Auth:RequireHttpsMetadata"] = "false",
                // A proxy named by its network rather than its address.
                ["Proxy:KnownNetworks"] = "127.0.0.0/8",
            }
        );
        using var toProvider = Browser(withProvider);
        var challenge = await PostFormAsync(
            toProvider,
            "/logga-in?handler=Provider",
            new() { ["returnUrl"] = "/utskick" }
        );
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var query = System.Web.HttpUtility.ParseQueryString(challenge.Headers.Location!.Query);
        Assert.Equal($"https://{PublicHost}/signin-oidc", query["redirect_uri"]);
    }

    /// <summary>With the documented variable, in the service's own process: ASP.NET Core alone trusts anyone.</summary>
    [Fact]
    public async Task forwarded_headers_from_an_address_that_is_not_a_known_proxy_are_ignored()
    {
        var state = Directory.CreateTempSubdirectory("governance-proxy").FullName;
        var database = await TestDatabase.FreshDatabaseAsync("governance_proxy_unknown_tests");
        await using var service = ServiceNode.Start(
            database,
            state,
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
                ["Proxy__KnownProxies"] = "192.0.2.10",
                ["Governance__ApplySchemaOnStart"] = "true",
                ["Auth__AllowReferenceUsers"] = "true",
            }
        );
        await service.WaitUntilReadyAsync();
        using var browser = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = service.Service.Client.BaseAddress,
        };

        var session = await SignInAsync(browser);
        Assert.DoesNotContain("secure", session, StringComparison.OrdinalIgnoreCase);
        Directory.Delete(state, recursive: true);
    }

    /// <summary>The real thing: Caddy with deploy/Caddyfile ends TLS in front of the service's own process.</summary>
    [Fact]
    public async Task through_caddy_with_the_deploy_caddyfile_people_sign_in_over_https_with_a_secure_cookie()
    {
        var state = Directory.CreateTempSubdirectory("governance-caddy-service").FullName;
        var database = await TestDatabase.FreshDatabaseAsync("governance_caddy_tests");
        await using var service = ServiceNode.Start(
            database,
            state,
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
                ["Governance__ApplySchemaOnStart"] = "true",
                ["Auth__AllowReferenceUsers"] = "true",
            }
        );
        await service.WaitUntilReadyAsync();
        await using var caddy = CaddyProxy.Start(service.Service.Client.BaseAddress!.Authority);
        var cookies = new CookieContainer();
        using var browser = await caddy.ClientAsync(cookies);

        var page = await browser.GetAsync("/logga-in");
        Assert.True(page.IsSuccessStatusCode, $"{page.StatusCode} through Caddy:\n{caddy.Output}");
        var token = RequestToken().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        var signedIn = await browser.PostAsync(
            "/logga-in?handler=ReferenceUser",
            new FormUrlEncodedContent(
                new Dictionary<string, string> { ["user"] = "secretary", ["__RequestVerificationToken"] = token }
            )
        );
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.True(cookies.GetAllCookies().Single(c => c.Name == AuthenticationSetup.CookieName).Secure);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/utskick")).StatusCode);
        Directory.Delete(state, recursive: true);
    }

    private static async Task<Product> StartAsync(string database, Dictionary<string, string?> settings)
    {
        settings["GOVERNANCE_DB"] = await TestDatabase.FreshDatabaseAsync(database);
        settings.TryAdd("Governance:LoadReferenceData", "false");
        settings["FORWARDEDHEADERS_ENABLED"] = "true";
        settings["Distribution:PublicBaseUrl"] = $"https://{PublicHost}";
        return new Product(await ProductHost.StartAsync(TimeProvider.System, settings));
    }

    /// <summary>Signs in with the reference-user picker; the Set-Cookie of the session.</summary>
    private static async Task<string> SignInAsync(HttpClient browser)
    {
        var signedIn = await PostFormAsync(
            browser,
            "/logga-in?handler=ReferenceUser",
            new() { ["user"] = "secretary" }
        );
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return signedIn
            .Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith(AuthenticationSetup.CookieName + "=", StringComparison.Ordinal));
    }

    /// <summary>
    /// A form posted with the antiforgery cookie and token of the page. Cookies are carried by hand: a cookie marked
    /// Secure is one the browser sends only over HTTPS, which the proxy gives it and this test does not.
    /// </summary>
    private static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient browser,
        string url,
        Dictionary<string, string> fields
    )
    {
        var page = await SendAsync(browser, HttpMethod.Get, "/logga-in");
        var cookies = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]);
        fields["__RequestVerificationToken"] = RequestToken()
            .Match(await page.Content.ReadAsStringAsync())
            .Groups[1]
            .Value;
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        return await SendAsync(browser, request);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient browser, HttpMethod method, string url) =>
        SendAsync(browser, new HttpRequestMessage(method, url));

    /// <summary>What the proxy adds: the client's address, that it spoke HTTPS, the host it was asked for.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient browser, HttpRequestMessage request)
    {
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", PublicHost);
        using (request)
            return await browser.SendAsync(request);
    }

    private static HttpClient Browser(Product product) =>
        new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(product.Url),
        };

    private sealed class Product(WebApplication app) : IAsyncDisposable
    {
        public string Url => ProductHost.BaseUrl(app);

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>An OpenID Connect provider that publishes its discovery document: enough for the challenge.</summary>
    private sealed class FakeProvider(WebApplication app) : IAsyncDisposable
    {
        public string Url => app.Urls.First();

        public static async Task<FakeProvider> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.MapGet(
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
                            ["jwks_uri"] = issuer + "/jwks",
                            ["response_types_supported"] = new[] { "code" },
                            ["subject_types_supported"] = new[] { "public" },
                            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                        }
                    );
                }
            );
            app.MapGet("/jwks", () => Results.Json(new { keys = Array.Empty<object>() }));
            await app.StartAsync();
            return new FakeProvider(app);
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex RequestToken();
}
