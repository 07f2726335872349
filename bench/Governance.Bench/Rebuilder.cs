using System.Diagnostics;
using Governance.Hosting;
using Governance.Hosting.Projections;
using Governance.Scenarios;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Bench;

/// <summary>
/// Every projection rebuilt from the events with the service's own store configuration, while the service is
/// stopped (as an operator does it), timed; the read models before and after compared document by document.
/// </summary>
public static class Rebuilder
{
    public sealed record Result(long Events, double Seconds, bool Identical, string? Difference)
    {
        public double EventsPerSecond => Events / Seconds;
    }

    public static async Task<Result> RunAsync(string database, string stateFolder)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                ["GOVERNANCE_DB"] = database,
                ["Governance:ApplySchemaOnStart"] = "true",
                ["Governance:LoadReferenceData"] = "false",
                ["Auth:AllowDevelopmentTokens"] = "true",
                ["Auth:DevelopmentSigningKey"] = Convert.ToBase64String(ServiceUnderTest.SigningKey),
                ["Logging:LogLevel:Default"] = "Warning",
            }
        );
        await builder.AddGovernanceAsync(Path.Combine(stateFolder, "bench-service"), runningTheService: false);
        await using var app = builder.Build();
        var store = app.Services.GetRequiredService<IDocumentStore>();

        var before = await ReadModelTables.SnapshotAsync(database);
        var events = await BenchDatabase.ScalarAsync(database, "select count(*) from governance.mt_events");
        var watch = Stopwatch.StartNew();
        await ProjectionRebuild.RebuildAllAsync(store, CancellationToken.None);
        var seconds = watch.Elapsed.TotalSeconds;
        var difference = ReadModelTables.FirstDifference(before, await ReadModelTables.SnapshotAsync(database));
        return new Result(events, seconds, difference is null, difference);
    }
}
