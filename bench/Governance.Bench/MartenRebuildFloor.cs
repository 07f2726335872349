using System.Diagnostics;
using JasperFx;
using JasperFx.Events.Projections;
using Marten;

namespace Governance.Bench;

/// <summary>How many appended events one floor stream has seen: the smallest projection Marten can rebuild.</summary>
public sealed class AppendedCount
{
    public Guid Id { get; set; }
    public int Count { get; set; }
}

public sealed partial class AppendedCountProjection
    : Marten.Events.Aggregation.SingleStreamProjection<AppendedCount, Guid>
{
    public AppendedCount Create(Floors.Appended e) => new() { Id = e.Id, Count = 1 };

    public void Apply(Floors.Appended e, AppendedCount count) => count.Count++;
}

/// <summary>
/// Marten's own rebuild, without the product: the events the append floor wrote (its own schema) replayed through a
/// one-line projection by Marten's daemon. The ceiling of any rebuild on this stack, beside indexed COPY.
/// </summary>
public static class MartenRebuildFloor
{
    public static async Task<Measurement> RunAsync(string database)
    {
        using var store = DocumentStore.For(options =>
        {
            options.Connection(Governance.Hosting.Database.ConnectionDefaults.Apply(database));
            options.DatabaseSchemaName = "bench_marten";
            options.AutoCreateSchemaObjects = AutoCreate.All;
            options.Events.AddEventType<Floors.Appended>();
            options.Projections.Add<AppendedCountProjection>(ProjectionLifecycle.Inline);
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var events = await BenchDatabase.ScalarAsync(database, "select count(*) from bench_marten.mt_events");
        using var daemon = await store.BuildProjectionDaemonAsync();
        var watch = Stopwatch.StartNew();
        await daemon.RebuildProjectionAsync<AppendedCountProjection>(TimeSpan.FromMinutes(30), CancellationToken.None);
        return Measurement.Counted(
            "Marten alone: rebuild of a one-line projection (events)",
            1,
            events,
            watch.Elapsed
        );
    }
}
