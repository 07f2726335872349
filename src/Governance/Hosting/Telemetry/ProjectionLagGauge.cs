using System.Diagnostics.Metrics;
using Npgsql;

namespace Governance.Hosting.Telemetry;

/// <summary>
/// How far each asynchronous projection shard is behind the event store: the highest event sequence number minus
/// the shard's progress (Marten's progression table). Measured against the sequence rather than the daemon's
/// high-water mark, so that a daemon which stopped altogether shows as growing lag. Inline projections have no
/// shard and no lag. Read with one plain query: Marten's own progress API first makes sure the event tables exist,
/// which would be schema changes racing the start-up migration.
/// </summary>
internal sealed class ProjectionLagGauge
{
    private readonly NpgsqlDataSource _database;
    private readonly string _sql;
    private readonly CachedReading<IReadOnlyList<(string Shard, long Lag)>> _reading;

    public ProjectionLagGauge(
        GovernanceMeter meter,
        NpgsqlDataSource database,
        IDocumentStore store,
        ILogger<ProjectionLagGauge> logger
    )
    {
        _database = database;
        var schema = store.Options.Events.DatabaseSchemaName;
        _sql = $"""
            select p.name, greatest(0, s.last_value - p.last_seq_id)
            from {schema}.mt_event_progression p cross join {schema}.mt_events_sequence s
            where p.name not like 'HighWaterMark%'
            """;
        _reading = new(ReadAsync, logger);
        meter.Meter.CreateObservableGauge(
            "governance.projection.lag",
            Observe,
            "{event}",
            "Events not yet applied by each asynchronous projection shard"
        );
    }

    private IEnumerable<Measurement<long>> Observe() =>
        _reading
            .Current()
            ?.Select(s => new Measurement<long>(s.Lag, new KeyValuePair<string, object?>("shard", s.Shard)))
        ?? [];

    private async Task<IReadOnlyList<(string, long)>> ReadAsync(CancellationToken ct)
    {
        await using var command = _database.CreateCommand(_sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var shards = new List<(string, long)>();
        while (await reader.ReadAsync(ct))
            shards.Add((reader.GetString(0), reader.GetInt64(1)));
        return shards;
    }
}
