using System.Globalization;
using System.Text.Json;
using Alba;
using Governance.Tests.Support;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Governance.Tests.Hosting;

/// <summary>
/// The anonymous ways in are limited per client: past the limit a client is answered 429 with Retry-After and a Swedish
/// problem, other clients and other ways in are not affected. On a service of its own with two requests a minute; the
/// other tests run with the limits off. Behind a proxy (forwarded headers on) the client is the forwarded address.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class RateLimitHttpTests
{
    private static async Task<IAlbaHost> StartService(string connectionString) =>
        await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("GOVERNANCE_DB", connectionString);
            web.UseSetting("RateLimits:Enabled", "true");
            web.UseSetting("RateLimits:PermitsPerMinute", "2");
            web.UseSetting("FORWARDEDHEADERS_ENABLED", "true");
            web.ConfigureServices(services =>
            {
                services.MartenDaemonModeIsSolo();
                services.RunWolverineInSoloMode();
            });
        });

    [Fact]
    public async Task past_the_limit_a_client_gets_429_with_retry_after_in_swedish_and_others_are_not_affected()
    {
        await using var host = await StartService(await TestDatabase.FreshDatabaseAsync("governance_rate_limit_tests"));
        Task<IScenarioResult> Send(string method, string url, string client, int status) =>
            host.Scenario(s =>
            {
                if (method == "POST")
                    s.Post.FormData(new Dictionary<string, string> { ["diarienummer"] = "KS 2020/1" }).ToUrl(url);
                else
                    s.Get.Url(url);
                s.WithRequestHeader("X-Forwarded-For", client);
                s.StatusCodeShouldBe(status);
            });

        // The search page and the API share one budget.
        await Send("GET", "/api/decisions?q=plan", "203.0.113.5", 200);
        await Send("GET", "/beslut?q=plan", "203.0.113.5", 200);
        var refused = await Send("GET", "/api/decisions?q=plan", "203.0.113.5", 429);
        var retryAfter = int.Parse(refused.Context.Response.Headers.RetryAfter!, CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        var problem = await refused.ReadAsJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("För många förfrågningar", problem.GetProperty("title").GetString());
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains($"Försök igen om {retryAfter} sekund", detail, StringComparison.Ordinal);
        await Send("GET", "/beslut", "203.0.113.5", 429);

        // Another client, and another IPv6 network, are not affected.
        await Send("GET", "/api/decisions?q=plan", "203.0.113.6", 200);
        await Send("GET", "/api/decisions?q=plan", "2001:db8:1:2::5", 200);
        await Send("GET", "/api/decisions?q=plan", "2001:db8:1:2::6", 200);
        await Send("GET", "/api/decisions?q=plan", "2001:db8:1:2::7", 429); // same /64
        await Send("GET", "/api/decisions?q=plan", "2001:db8:1:3::5", 200);

        // Each other way in has its own budget.
        await Send("GET", "/calendar.ics", "203.0.113.5", 200);
        await Send("GET", "/minutes.atom", "203.0.113.5", 200);
        await Send("GET", "/calendar.ics", "203.0.113.5", 429);
        await Send("GET", "/logga-in", "203.0.113.5", 200);
        await Send("GET", "/logga-in", "203.0.113.5", 200);
        await Send("GET", "/logga-in", "203.0.113.5", 429);
        var receipt = $"/receipts/{Guid.NewGuid()}?sig=forged";
        await Send("GET", receipt, "203.0.113.5", 404);
        await Send("POST", receipt, "203.0.113.5", 404);
        await Send("POST", receipt, "203.0.113.5", 429);

        // What is not an anonymous way in is not limited.
        for (var i = 0; i < 4; i++)
            await Send("GET", "/kalender?ar=2020", "203.0.113.5", 200);
    }
}
