using Alba;
using Governance.Tests.Meetings;
using Governance.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Governance.Tests.Pages;

/// <summary>
/// Every page answers with a Content-Security-Policy that allows no inline script or style, and every answer, the
/// API's and the static files' included, with nosniff, no framing, a strict Referrer-Policy and a Permissions-Policy.
/// </summary>
public class BrowserProtectionHttpTests(AppFixture fixture) : MeetingScenario(fixture)
{
    private static readonly string[] Pages =
    [
        "/",
        "/kalender?ar=2020",
        "/beslut",
        "/beslut?q=plan",
        "/plan?ar=2020",
        "/logga-in",
        "/ingen-behorighet",
        "/avtal",
        "/kommuner",
        "/avgifter?ar=2020",
        "/utskick",
        "/handelser",
        "{meeting}",
        "{meeting}/minnesanteckningar",
    ];

    [Fact]
    public async Task every_page_allows_only_our_own_scripts_and_styles_and_no_framing()
    {
        await GivenReferenceData();
        var meeting = await Schedule();
        foreach (var page in Pages)
        {
            var url = page.Replace("{meeting}", $"/sammantraden/{meeting}", StringComparison.Ordinal);
            foreach (var token in new[] { null, SecretaryToken })
            {
                var result = await Host.Scenario(s =>
                {
                    s.Get.Url(url);
                    if (token is not null)
                        s.WithRequestHeader("Authorization", $"Bearer {token}");
                    s.IgnoreStatusCode();
                });
                var headers = result.Context.Response.Headers;
                var status = result.Context.Response.StatusCode;
                Assert.True(status is 200 or 302, $"{url}: {status}");
                if (result.Context.Response.StatusCode == 200)
                    Assert.StartsWith("text/html", result.Context.Response.ContentType, StringComparison.Ordinal);
                AssertPagePolicy(url, headers);
                AssertEveryAnswerHeaders(url, headers);
            }
        }
    }

    [Fact]
    public async Task the_API_its_refusals_and_the_static_files_are_not_sniffed_or_framed()
    {
        await GivenReferenceData();
        foreach (
            var (url, status) in new[]
            {
                ("/api/decisions?q=plan", 200),
                ($"/api/meetings/{Guid.NewGuid()}/minutes", 404),
                ("/api/distribution", 401),
                ("/css/site.css", 200),
                ("/js/forms.js", 200),
                ("/calendar.ics", 200),
                ("/openapi/v1.json", 200),
                ("/api-docs/", 200),
            }
        )
        {
            var result = await Host.Scenario(s =>
            {
                s.Get.Url(url);
                s.StatusCodeShouldBe(status);
            });
            AssertEveryAnswerHeaders(url, result.Context.Response.Headers);
            var policy = result.Context.Response.Headers.ContentSecurityPolicy.ToString();
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task the_printable_minutes_allow_their_own_style_block_and_nothing_else()
    {
        await GivenReferenceData();
        var meeting = await Schedule();
        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/meetings/{meeting}/minutes.html");
            s.WithRequestHeader("Authorization", $"Bearer {SecretaryToken}");
        });
        var csp = Directives(result.Context.Response.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal("'none'", csp["default-src"]);
        Assert.Matches("^'sha256-[A-Za-z0-9+/]+=*'$", csp["style-src"]);
        Assert.False(csp.ContainsKey("script-src"));
        Assert.Equal("'none'", csp["frame-ancestors"]);
        AssertEveryAnswerHeaders("minutes.html", result.Context.Response.Headers);
    }

    [Fact]
    public async Task outside_development_answers_over_https_carry_hsts_and_plain_http_answers_do_not()
    {
        await using var production = await ProductionService.StartAsync("governance_hsts_tests");
        async Task<IHeaderDictionary> Headers(string scheme) => (
                await production.Scenario(s =>
                {
                    s.Get.Url("/kalender?ar=2020");
                    s.ConfigureHttpContext(c =>
                    {
                        c.Request.Scheme = scheme;
                        c.Request.Host = new HostString("samarbetskommitten.example");
                    });
                })
            ).Context.Response.Headers;

        Assert.Equal("max-age=31536000", (await Headers("https")).StrictTransportSecurity);
        Assert.False((await Headers("http")).ContainsKey("Strict-Transport-Security"));
    }

    private static void AssertPagePolicy(string url, IHeaderDictionary headers)
    {
        var policy = headers.ContentSecurityPolicy.ToString();
        Assert.DoesNotContain("unsafe-", policy, StringComparison.Ordinal);
        var csp = Directives(policy);
        Assert.Equal("'self'", csp.GetValueOrDefault("script-src"));
        Assert.Equal("'self'", csp.GetValueOrDefault("style-src"));
        Assert.Equal("'self'", csp.GetValueOrDefault("default-src"));
        Assert.Equal("'none'", csp.GetValueOrDefault("object-src"));
        Assert.Equal("'self'", csp.GetValueOrDefault("base-uri"));
        Assert.Equal("'self'", csp.GetValueOrDefault("form-action"));
        Assert.True(csp.GetValueOrDefault("frame-ancestors") == "'none'", $"{url}: {policy}");
    }

    private static void AssertEveryAnswerHeaders(string url, IHeaderDictionary headers)
    {
        Assert.True(headers.XContentTypeOptions == "nosniff", $"{url}: nosniff missing");
        Assert.Equal("DENY", headers.XFrameOptions);
        Assert.Equal("strict-origin-when-cross-origin", headers["Referrer-Policy"]);
        Assert.Contains("camera=()", headers["Permissions-Policy"].ToString(), StringComparison.Ordinal);
        Assert.Contains("geolocation=()", headers["Permissions-Policy"].ToString(), StringComparison.Ordinal);
        Assert.False(headers.ContainsKey("Strict-Transport-Security"), $"{url}: HSTS on plain HTTP in Development");
    }

    private static Dictionary<string, string> Directives(string policy) =>
        policy
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
}
