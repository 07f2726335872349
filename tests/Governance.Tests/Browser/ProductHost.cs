using Governance.Hosting;
using Governance.Hosting.Database;
using Governance.Tests.Support;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wolverine;

namespace Governance.Tests.Browser;

/// <summary>
/// The product as `dotnet run` builds it, on a free loopback port of real Kestrel, with the settings and clock a test
/// gives.
/// </summary>
public static class ProductHost
{
    public static async Task<WebApplication> StartAsync(
        TimeProvider clock,
        IDictionary<string, string?> settings,
        string environment = "Development",
        Action<IServiceCollection>? services = null
    )
    {
        var contentRoot = Path.Combine(RepositoryRoot(), "src", "Governance");
        var builder = WebApplication.CreateBuilder(
            new WebApplicationOptions
            {
                ContentRootPath = contentRoot,
                EnvironmentName = environment,
                // The product's assembly, not the test runner's: where the Razor pages and Wolverine handlers are
                // found.
                ApplicationName = typeof(GovernanceAssembly).Assembly.GetName().Name,
            }
        );
        // Rate limits off unless the test asks for them: the browser tests sign in and search far more than people do.
        var configured = new Dictionary<string, string?> { ["RateLimits:Enabled"] = "false" };
        foreach (var (key, value) in settings)
            configured[key] = value;
        configured["urls"] = "http://127.0.0.1:0";
        builder.Configuration.AddInMemoryCollection(configured);
        await builder.AddGovernanceAsync(DatabaseSetup.LocalStateFolder(builder.Configuration, contentRoot));
        builder.Services.RemoveAll<TimeProvider>();
        builder.Services.AddSingleton(clock);
        builder.Services.MartenDaemonModeIsSolo();
        builder.Services.RunWolverineInSoloMode();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseGovernance();
        await app.StartAsync();
        return app;
    }

    public static string BaseUrl(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Governance.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Governance.sln not found above " + AppContext.BaseDirectory);
    }
}
