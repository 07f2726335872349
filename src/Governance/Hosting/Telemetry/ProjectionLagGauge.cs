using System.Diagnostics.Metrics;
using JasperFx.Events.Projections;

namespace Governance.Hosting.Telemetry;

/// <summary>
/// How far each asynchronous projection shard is behind the event store: the highest event sequence number minus
/// the shard's progress. Measured against the sequence rather than the daemon's high-water mark, so that a daemon
/// which stopped altogether shows as growing lag. Inline projections have no shard and no lag.
/// </summary>
internal sealed class ProjectionLagGauge
{
    private readonly IDocumentStore _store;
    private readonly CachedReading<IReadOnlyList<(string Shard, long Lag)>> _reading;

    public ProjectionLagGauge(GovernanceMeter meter, IDocumentStore store, ILogger<ProjectionLagGauge> logger)
    {
        _store = store;
        _reading = new(ReadAsync, logger);
        meter.Meter.CreateObservableGauge("governance.projection.lag", Observe, "{event}",
            "Events not yet applied by each asynchronous projection shard");
    }

    private IEnumerable<Measurement<long>> Observe() =>
        _reading.Current()?.Select(s => new Measurement<long>(s.Lag, new KeyValuePair<string, object?>("shard", s.Shard)))
        ?? [];

    private async Task<IReadOnlyList<(string, long)>> ReadAsync(CancellationToken ct)
    {
        var shards = (await _store.Advanced.AllProjectionProgress(token: ct))
            .Where(s => !s.ShardName.StartsWith(ShardState.HighWaterMark, StringComparison.Ordinal))
            .ToList();
        if (shards.Count == 0) return [];
        var highest = await _store.Storage.Database.FetchHighestEventSequenceNumber(ct);
        return [.. shards.Select(s => (s.ShardName, Math.Max(0, highest - s.Sequence)))];
    }
}
