using System.Globalization;
using System.Text.Json;
using Alba;
using Governance.Distribution;
using Governance.Infrastructure.Security;
using Governance.ReferenceData;
using Governance.Tests.Support;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Wolverine;
using Wolverine.Tracking;

namespace Governance.Tests.Telemetry;

/// <summary>
/// The service on a database of its own with the Södertörn reference data, its own mail server (stopped until a test
/// starts it) and an OTLP receiver. The OpenTelemetry settings are the host's only (never the process's
/// environment): the other hosts of the test run export nothing.
/// </summary>
public sealed class TelemetryHost : IAsyncDisposable
{
    private TelemetryHost(IAlbaHost host, OtlpReceiver receiver, TestSmtpServer smtp, TestClock clock) =>
        (Host, Receiver, Smtp, Clock) = (host, receiver, smtp, clock);

    public IAlbaHost Host { get; }
    public OtlpReceiver Receiver { get; }
    public TestSmtpServer Smtp { get; }
    public TestClock Clock { get; }

    public static string SecretaryToken => Token("Anna Sekreterare", Roles.Secretary);

    public static string Token(string name, string role) =>
        DevelopmentTokens.Issue(
            new SymmetricSecurityKey(AppFixture.SigningKeyBytes),
            name,
            [role],
            TimeSpan.FromHours(1),
            TimeProvider.System
        );

    /// <summary>A host whose OTEL_ settings are <paramref name="otel"/>, given the receiver's address.</summary>
    public static async Task<TelemetryHost> StartAsync(string database, Func<string, Dictionary<string, string>> otel)
    {
        var connectionString = await TestDatabase.FreshDatabaseAsync(database);
        var receiver = await OtlpReceiver.StartAsync();
        var smtp = new TestSmtpServer();
        var clock = new TestClock(AppFixture.StartOfTests);
        var host = await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("GOVERNANCE_DB", connectionString);
            web.UseSetting("Governance:LoadReferenceData", "false");
            web.UseSetting("Auth:DevelopmentSigningKey", Convert.ToBase64String(AppFixture.SigningKeyBytes));
            web.UseSetting("Smtp:Host", "127.0.0.1");
            web.UseSetting("Smtp:Port", smtp.Port.ToString(CultureInfo.InvariantCulture));
            web.UseSetting("Smtp:Security", "None");
            web.UseSetting("Distribution:RetryDelays", "00:00:01,00:00:01");
            web.UseSetting("RateLimits:Enabled", "false");
            foreach (var (key, value) in otel(receiver.Endpoint))
                web.UseSetting(key, value);
            web.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
                services.MartenDaemonModeIsSolo();
                services.RunWolverineInSoloMode();
                // The service's own projections are inline; this one gives the lag gauge a shard to measure.
                services.ConfigureMarten(o => o.Projections.Add<DeliveriesSeen>(ProjectionLifecycle.Async));
            });
        });
        return new TelemetryHost(host, receiver, smtp, clock);
    }

    /// <summary>An empty store with the reference data, the clock at its start, the mail server stopped.</summary>
    public async Task ResetAsync()
    {
        Smtp.Stop();
        Smtp.Clear();
        Clock.Set(AppFixture.StartOfTests);
        await Host.ResetAllMartenDataAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Governance:LoadReferenceData", "true")])
            .Build();
        await new ReferenceDataLoader(
            Host.Services.GetRequiredService<IDocumentStore>(),
            Host.Services.GetRequiredService<NpgsqlDataSource>(),
            configuration,
            Clock,
            NullLogger<ReferenceDataLoader>.Instance
        ).StartAsync(CancellationToken.None);
    }

    /// <summary>Exports at once whatever each provider holds (nothing, without an exporter).</summary>
    public void Flush()
    {
        // Without an endpoint the service builds no pipeline: there is nothing to flush.
        Host.Services.GetService<TracerProvider>()?.ForceFlush(10_000);
        Host.Services.GetService<MeterProvider>()?.ForceFlush(10_000);
        Host.Services.GetService<LoggerProvider>()?.ForceFlush(10_000);
    }

    /// <summary>Flushes until <paramref name="probe"/> finds what it looks for (up to 30 s); then returns it.</summary>
    public async Task<T> Exported<T>(Func<T?> probe, Func<string> whatWasThere)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            Flush();
            if (probe() is { } found)
                return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Not exported:\n{whatWasThere()}");
            await Task.Delay(250);
        }
    }

    /// <summary>A write that returns when the messages it set off are handled (not their scheduled retries).</summary>
    public async Task<IScenarioResult> Post(string url, object body, int expectedStatus)
    {
        IScenarioResult result = null!;
        await Host.ExecuteAndWaitAsync(
            async () =>
                result = await Host.Scenario(s =>
                {
                    s.Post.Json(body).ToUrl(url);
                    s.WithBearerToken(SecretaryToken);
                    s.StatusCodeShouldBe(expectedStatus);
                }),
            timeoutInMilliseconds: 30_000
        );
        return result;
    }

    public async Task<T> Get<T>(string url)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithBearerToken(SecretaryToken);
        });
        return (await result.ReadAsJsonAsync<T>())!;
    }

    /// <summary>§2: Nykvarn gives notice; the other seven parties are informed by e-mail.</summary>
    public async Task GivenNykvarnGivesNotice()
    {
        var version = (await Get<JsonElement>("/api/agreement")).GetProperty("version").GetInt32();
        await Post(
            "/api/agreement/termination-notices",
            new
            {
                municipalityCode = "0140",
                councilDecisionOn = "2020-02-17",
                councilDecisionReference = "KF 2020-02-17 §12",
                receivedOn = "2020-03-02",
                version,
            },
            200
        );
    }

    /// <summary>
    /// Waits for the distribution to reach the condition. Retries wait for Wolverine's poll of scheduled messages
    /// (every 5 s), which a loaded machine running the whole suite can stretch well past a retry's own delay.
    /// </summary>
    public async Task<DistributionStatus> WaitForDistribution(Func<DistributionStatus, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var status = await Get<DistributionStatus>("/api/distribution");
            if (condition(status))
                return status;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException(JsonSerializer.Serialize(status));
            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Smtp.Dispose();
        await Host.StopAsync();
        await Host.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

/// <summary>An asynchronous projection for the tests only: it keeps nothing, it only advances.</summary>
public sealed partial class DeliveriesSeen : EventProjection
{
    public void Project(IEvent<DeliveryRequested> e, IDocumentOperations operations) { }
}
