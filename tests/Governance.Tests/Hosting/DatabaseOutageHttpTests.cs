using System.Text.Json;
using Alba;
using Governance.Hosting.Database;
using Governance.Infrastructure.Security;
using Governance.Tests.Support;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using Wolverine;

namespace Governance.Tests.Hosting;

/// <summary>
/// The service on a PostgreSQL cluster of this test's own, which the test stops and starts again (the shared test
/// cluster is never touched): while it is down every request that needs it answers 503 with Retry-After and a Swedish
/// answer, nothing crashes, and once it is back the same service answers normally.
/// </summary>
public sealed class DatabaseOutageHttpTests : IAsyncLifetime
{
    private const string Database = "governance_outage";
    private readonly string _folder = Directory.CreateTempSubdirectory("governance-outage").FullName;
    private readonly TestSmtpServer _smtp = new();
    private LocalPostgresCluster _cluster = null!;
    private IAlbaHost _host = null!;

    private string Root => Path.Combine(_folder, "postgres");

    private static string Chair => Token("Daniel Dronjak", Roles.Chair);
    private static string Secretary => Token("Anna Sekreterare", Roles.Secretary);

    private static string Token(string name, string role) =>
        DevelopmentTokens.Issue(
            new SymmetricSecurityKey(AppFixture.SigningKeyBytes),
            name,
            [role],
            TimeSpan.FromHours(1),
            TimeProvider.System
        );

    private bool Stopping =>
        _host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested;

    public async Task InitializeAsync()
    {
        // Let the unprivileged server user reach the temporary folder when the tests run as root.
        File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101);
        _cluster = LocalPostgresCluster.Start(Root);
        await _cluster.EnsureDatabaseAsync(Database);
        _host = await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("GOVERNANCE_DB", _cluster.ConnectionString(Database));
            web.UseSetting("Governance:LoadReferenceData", "true");
            web.UseSetting("Auth:DevelopmentSigningKey", Convert.ToBase64String(AppFixture.SigningKeyBytes));
            web.UseSetting("Smtp:Host", "127.0.0.1");
            web.UseSetting("Smtp:Port", _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            web.UseSetting("Smtp:Security", "None");
            web.UseSetting("Distribution:RetryDelays", string.Join(',', Enumerable.Repeat("00:00:02", 40)));
            web.ConfigureServices(services =>
            {
                services.MartenDaemonModeIsSolo();
                services.RunWolverineInSoloMode();
            });
        });
    }

    public async Task DisposeAsync()
    {
        _smtp.Dispose();
        await _host.DisposeAsync();
        _cluster.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private Task<IScenarioResult> Read(string url, string accept, string? token = null) =>
        _host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Accept", accept);
            if (token is not null)
                s.WithBearerToken(token);
            s.IgnoreStatusCode();
        });

    private Task<IScenarioResult> Write() =>
        _host.Scenario(s =>
        {
            s.Post.Json(
                    new
                    {
                        body = "committee",
                        kind = "ordinary",
                        date = "2020-06-04",
                        startsAt = "12:00",
                        endsAt = "15:30",
                        hostMunicipalityCode = "0140",
                        place = "Nykvarns kommunhus",
                    }
                )
                .ToUrl("/api/meetings");
            s.WithBearerToken(Secretary);
            s.IgnoreStatusCode();
        });

    private static async Task AssertUnavailableProblem(IScenarioResult answer)
    {
        Assert.Equal(503, answer.Context.Response.StatusCode);
        Assert.Equal("10", answer.Context.Response.Headers.RetryAfter.ToString());
        Assert.Equal("application/problem+json", answer.Context.Response.ContentType);
        var problem = await answer.ReadAsJsonAsync<JsonElement>();
        Assert.EndsWith(
            "/problem/tjansten-otillganglig",
            problem.GetProperty("type").GetString(),
            StringComparison.Ordinal
        );
        Assert.Equal("Tjänsten är tillfälligt otillgänglig", problem.GetProperty("title").GetString());
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal(
            "Databasen går inte att nå just nu. Försök igen om 10 sekunder.",
            problem.GetProperty("detail").GetString()
        );
    }

    [Fact]
    public async Task while_the_database_is_down_requests_answer_503_with_retry_after_and_afterwards_normally()
    {
        Assert.Equal(201, (await Write()).Context.Response.StatusCode);
        var port = _cluster.Port;

        _cluster.Dispose(); // stops the server this test started
        var outage = DateTime.UtcNow;
        do
        {
            await AssertUnavailableProblem(await Read("/api/meetings?year=2020", "application/json"));
            await AssertUnavailableProblem(await Write());
            var page = await Read("/kalender?ar=2020", "text/html,application/xhtml+xml,*/*;q=0.8");
            var response = page.Context.Response;
            Assert.Equal((503, "10"), (response.StatusCode, response.Headers.RetryAfter.ToString()));
            Assert.StartsWith("text/html", page.Context.Response.ContentType, StringComparison.Ordinal);
            Assert.Contains("<html lang=\"sv\">", page.ReadAsText(), StringComparison.Ordinal);
            Assert.Contains("Tjänsten är tillfälligt otillgänglig", page.ReadAsText(), StringComparison.Ordinal);
            Assert.Equal(503, (await Read("/health/ready", "*/*")).Context.Response.StatusCode);
            await Task.Delay(1000);
        } while (DateTime.UtcNow - outage < TimeSpan.FromSeconds(12)); // past Wolverine's polling of the store
        Assert.False(Stopping);

        _cluster = LocalPostgresCluster.Start(Root);
        Assert.Equal(port, _cluster.Port);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await Read("/api/meetings?year=2020", "application/json")).Context.Response.StatusCode != 200)
        {
            Assert.True(DateTime.UtcNow < deadline, "no normal answer within 30 s of the database's return");
            await Task.Delay(500);
        }
        Assert.Equal(201, (await Write()).Context.Response.StatusCode);
        var meetings = await (await Read("/api/meetings?year=2020", "application/json")).ReadAsJsonAsync<JsonElement>();
        var places = meetings.GetProperty("meetings").EnumerateArray().Select(m => m.GetProperty("place").GetString());
        Assert.Equal(2, places.Count(p => p == "Nykvarns kommunhus"));
        Assert.Equal(200, (await Read("/kalender?ar=2020", "text/html")).Context.Response.StatusCode);
        Assert.Equal(200, (await Read("/health/ready", "*/*")).Context.Response.StatusCode);
    }

    [Fact]
    public async Task deliveries_retrying_when_the_database_goes_down_are_all_made_once_it_is_back()
    {
        // Approved minutes go to the eight registries; the mail server is down, so each delivery fails and retries.
        var created = await Write();
        var meeting = (await created.ReadAsJsonAsync<JsonElement>()).GetProperty("value").GetGuid();
        await Command($"/api/meetings/{meeting}/close", new { at = "15:00", version = 1 }, Secretary);
        await Command($"/api/meetings/{meeting}/minutes/approval", new { version = 2 }, Chair);
        await Deliveries(d => d.Count == 8 && d.All(x => x.GetProperty("status").GetString() == "failed"));

        _cluster.Dispose();
        await Task.Delay(TimeSpan.FromSeconds(12)); // retries fall due while the store is away
        Assert.False(Stopping);
        _cluster = LocalPostgresCluster.Start(Root);
        _smtp.Start();

        await Deliveries(d => d.Count == 8 && d.All(x => x.GetProperty("status").GetString() == "sent"), seconds: 90);
        await Task.Delay(3000);
        Assert.Equal(8, _smtp.Received.Count);
    }

    private async Task Command(string url, object body, string token) =>
        await _host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            s.WithBearerToken(token);
        });

    private async Task Deliveries(Func<List<JsonElement>, bool> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var answer = await Read("/api/distribution", "application/json", Secretary);
            var deliveries =
                answer.Context.Response.StatusCode != 200
                    ? []
                    : (await answer.ReadAsJsonAsync<JsonElement>())
                        .GetProperty("documents")
                        .EnumerateArray()
                        .SelectMany(d => d.GetProperty("deliveries").EnumerateArray())
                        .ToList();
            if (condition(deliveries))
                return;
            var statuses = string.Join(", ", deliveries.Select(d => d.GetProperty("status")));
            Assert.True(DateTime.UtcNow < deadline, $"Deliveries after {seconds} s: {statuses}");
            await Task.Delay(500);
        }
    }
}
