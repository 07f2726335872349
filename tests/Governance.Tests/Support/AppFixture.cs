using Alba;
using Governance.Infrastructure.Security;
using JasperFx.CodeGeneration;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using Wolverine;

namespace Governance.Tests.Support;

/// <summary>One host for all HTTP tests: real PostgreSQL, real HTTP pipeline, a clock the tests set.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public static readonly byte[] SigningKeyBytes = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    public static readonly DateTimeOffset StartOfTests = new(2020, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));

    public IAlbaHost Host { get; private set; } = null!;
    public TestClock Clock { get; } = new(StartOfTests);
    public string ConnectionString { get; private set; } = "";

    /// <summary>The SMTP server the service sends to; stopped unless a test starts it.</summary>
    public TestSmtpServer Smtp { get; } = new();

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.ConnectionStringAsync();
        Environment.SetEnvironmentVariable("GOVERNANCE_DB", ConnectionString);
        Environment.SetEnvironmentVariable("Auth__DevelopmentSigningKey", Convert.ToBase64String(SigningKeyBytes));
        Environment.SetEnvironmentVariable("Governance__LoadReferenceData", "false");
        Environment.SetEnvironmentVariable("Smtp__Host", "127.0.0.1");
        Environment.SetEnvironmentVariable(
            "Smtp__Port",
            Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)
        );
        Environment.SetEnvironmentVariable("Smtp__Security", "None");
        Environment.SetEnvironmentVariable("Distribution__RetryDelays", "00:00:01,00:00:01,00:00:02");
        Environment.SetEnvironmentVariable("Distribution__PublicBaseUrl", "http://governance.test");
        // Off for the tests, which sign in and search far more often than people do; RateLimitHttpTests turns it on.
        Environment.SetEnvironmentVariable("RateLimits__Enabled", "false");
        // The tests seal when they need the seal: a sealer in the background would race the reset between tests.
        Environment.SetEnvironmentVariable("Records__SealIntervalSeconds", "0");

        Host = await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Development");
            web.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
                services.MartenDaemonModeIsSolo();
                services.RunWolverineInSoloMode();
            });
        });
    }

    public string TokenFor(string name, params string[] roles) =>
        DevelopmentTokens.Issue(
            new SymmetricSecurityKey(SigningKeyBytes),
            name,
            roles,
            TimeSpan.FromHours(1),
            TimeProvider.System
        );

    /// <summary>A member's or a registry's token, for one municipality (the municipality claim).</summary>
    public string TokenFor(string name, string role, string municipality) =>
        DevelopmentTokens.Issue(
            new SymmetricSecurityKey(SigningKeyBytes),
            name,
            [role],
            TimeSpan.FromHours(1),
            TimeProvider.System,
            municipality
        );

    public async Task DisposeAsync()
    {
        Smtp.Dispose();
        await Host.StopAsync();
        await Host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "integration";
}
