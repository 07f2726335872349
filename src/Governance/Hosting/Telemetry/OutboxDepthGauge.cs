using System.Diagnostics.Metrics;
using Npgsql;

namespace Governance.Hosting.Telemetry;

/// <summary>
/// Messages waiting in Wolverine's durable tables: received and not yet handled, scheduled (retries of deliveries),
/// outgoing, and dead letters (messages Wolverine gave up on). One query over the four counts.
/// </summary>
internal sealed class OutboxDepthGauge
{
    private const string Schema = GovernanceHost.MessageSchema;

    private static readonly string Sql = $"""
        select (select count(*) from {Schema}.wolverine_incoming_envelopes where status = 'Incoming'),
               (select count(*) from {Schema}.wolverine_incoming_envelopes where status = 'Scheduled'),
               (select count(*) from {Schema}.wolverine_outgoing_envelopes),
               (select count(*) from {Schema}.wolverine_dead_letters)
        """;

    private readonly NpgsqlDataSource _database;
    private readonly CachedReading<long[]> _reading;

    public OutboxDepthGauge(GovernanceMeter meter, NpgsqlDataSource database, ILogger<OutboxDepthGauge> logger)
    {
        _database = database;
        _reading = new(ReadAsync, logger);
        meter.Meter.CreateObservableGauge(
            "governance.outbox.depth",
            Observe,
            "{message}",
            "Messages in Wolverine's durable tables by queue: incoming, scheduled, outgoing, dead_letter"
        );
    }

    private IEnumerable<Measurement<long>> Observe() =>
        _reading.Current() is { } counts
            ?
            [
                new(counts[0], new KeyValuePair<string, object?>("queue", "incoming")),
                new(counts[1], new KeyValuePair<string, object?>("queue", "scheduled")),
                new(counts[2], new KeyValuePair<string, object?>("queue", "outgoing")),
                new(counts[3], new KeyValuePair<string, object?>("queue", "dead_letter")),
            ]
            : [];

    private async Task<long[]> ReadAsync(CancellationToken ct)
    {
        await using var command = _database.CreateCommand(Sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return [reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)];
    }
}
