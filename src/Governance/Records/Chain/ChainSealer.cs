using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;

namespace Governance.Records.Chain;

/// <summary>
/// Seals the global order after commit: each committed event, in sequence order, gets a row whose hash chains its
/// event hash to every event sealed before it. The database gives out sequence numbers before commit, so an event is
/// sealed only when every lower number has committed or has stayed unused past <see cref="GapPatience"/> (a rolled-back
/// transaction); a late commit into such a gap is sealed when it appears. One sealer at a time, across instances, by a
/// transaction-scoped advisory lock. It writes only its own tables, never the events.
/// </summary>
public sealed class ChainSealer(NpgsqlDataSource database, IDocumentStore store)
{
    private const long LockKey = 0x676F765F7365616C; // "gov_seal"
    private const int Batch = 5_000;
    public static readonly TimeSpan GapPatience = TimeSpan.FromSeconds(5);

    private readonly string _schema = store.Options.DatabaseSchemaName;
    private readonly ConcurrentDictionary<long, DateTimeOffset> _gapsSeen = new();

    /// <summary>Seals what can be sealed now; answers how many events it sealed.</summary>
    public async Task<int> SealAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var (sealedNow, more) = await SealBatchAsync(ct);
            total += sealedNow;
            if (!more)
                return total;
        }
    }

    /// <summary>
    /// Seals until the event with this sequence number is sealed (a document about to print its anchor).
    /// </summary>
    public async Task SealThroughAsync(long sequence, CancellationToken ct)
    {
        // Waiting is about transactions in flight, not business time: the real clock, not the injected one.
        var deadline = DateTimeOffset.UtcNow + GapPatience + TimeSpan.FromSeconds(10);
        while (true)
        {
            await SealAsync(ct);
            if (await IsSealedAsync(sequence, ct))
                return;
            if (DateTimeOffset.UtcNow > deadline)
                throw new InvalidOperationException(
                    $"Event {sequence} could not be sealed: an earlier transaction is still open."
                );
            await Task.Delay(200, ct);
        }
    }

    /// <summary>Seals every event committed so far (an export whose event log must be sealed to the end).</summary>
    public async Task SealThroughLatestAsync(CancellationToken ct)
    {
        await using var command = database.CreateCommand($"select coalesce(max(seq_id), 0) from {_schema}.mt_events");
        var latest = (long)(await command.ExecuteScalarAsync(ct))!;
        if (latest > 0)
            await SealThroughAsync(latest, ct);
    }

    private async Task<bool> IsSealedAsync(long sequence, CancellationToken ct)
    {
        await using var command = database.CreateCommand(
            $"select exists (select 1 from {_schema}.{RecordsSchema.Seal} where seq_id = $1)"
        );
        command.Parameters.AddWithValue(sequence);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private async Task<(int Sealed, bool More)> SealBatchAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await Execute(connection, $"select pg_advisory_xact_lock({LockKey})", ct);
        // Once per store: how far the events without a hash of their own (from before chaining) reach. The scan of
        // the events runs only when the row is missing (the select list is evaluated after the where clause).
        await Execute(
            connection,
            $"insert into {_schema}.{RecordsSchema.Origin} (id, legacy_through) select 1, "
                + $"coalesce((select max(seq_id) from {_schema}.mt_events "
                + $"where headers ->> '{EventHash.Header}' is null), 0) "
                + $"where not exists (select 1 from {_schema}.{RecordsSchema.Origin} where id = 1)",
            ct
        );

        var (position, chain, maxSealed) = await HeadAsync(connection, ct);
        // Late commits into recorded gaps: each gap's own range, so a round reads what the gaps hold, never the
        // whole store against the whole seal (which PostgreSQL would choose for a join over every gap at once).
        var late = new List<StoredEvent>();
        foreach (var (from, to) in await GapsAsync(connection, ct))
            late.AddRange(
                await ReadAsync(
                    connection,
                    $"select {StoredEvent.Columns("e")} from {_schema}.mt_events e "
                        + $"where e.seq_id between {from} and {to} and not exists "
                        + $"(select 1 from {_schema}.{RecordsSchema.Seal} s where s.seq_id = e.seq_id) "
                        + "order by e.seq_id",
                    ct
                )
            );
        var fresh = await ReadAsync(
            connection,
            $"select {StoredEvent.Columns("e")} from {_schema}.mt_events e "
                + $"where e.seq_id > {maxSealed} order by e.seq_id limit {Batch}",
            ct
        );

        var toSeal = new List<StoredEvent>(late);
        var expected = maxSealed + 1;
        var waiting = false;
        foreach (var e in fresh)
        {
            if (e.Sequence != expected && !await GapAbandonedAsync(connection, expected, e.Sequence - 1, ct))
            {
                waiting = true;
                break;
            }
            toSeal.Add(e);
            expected = e.Sequence + 1;
        }
        if (toSeal.Count == 0)
            return (0, false);

        var rows = new List<(long Position, StoredEvent Event, string EventHash, string Chain)>(toSeal.Count);
        foreach (var e in toSeal)
        {
            position++;
            var eventHash = e.Recomputed;
            chain = EventHash.Seal(eventHash, position, chain, e.Sequence);
            rows.Add((position, e, eventHash, chain));
        }
        await InsertAsync(connection, rows, ct);
        await transaction.CommitAsync(ct);
        return (toSeal.Count, !waiting && fresh.Count == Batch);
    }

    /// <summary>
    /// A gap is given up on once it has been seen unfilled for the patience: it is recorded for a late commit.
    /// </summary>
    private async Task<bool> GapAbandonedAsync(NpgsqlConnection connection, long from, long to, CancellationToken ct)
    {
        var seen = _gapsSeen.GetOrAdd(from, _ => DateTimeOffset.UtcNow);
        if (DateTimeOffset.UtcNow - seen < GapPatience)
            return false;
        await using var command = new NpgsqlCommand(
            $"insert into {_schema}.{RecordsSchema.Gaps} (from_seq, to_seq) values ($1, $2) "
                + "on conflict (from_seq) do nothing",
            connection
        );
        command.Parameters.AddWithValue(from);
        command.Parameters.AddWithValue(to);
        await command.ExecuteNonQueryAsync(ct);
        _gapsSeen.TryRemove(from, out _);
        return true;
    }

    private async Task<(long Position, string? Chain, long MaxSealed)> HeadAsync(
        NpgsqlConnection connection,
        CancellationToken ct
    )
    {
        await using var command = new NpgsqlCommand(
            $"select (select position from {_schema}.{RecordsSchema.Seal} order by position desc limit 1), "
                + $"(select chain_hash from {_schema}.{RecordsSchema.Seal} order by position desc limit 1), "
                + $"(select coalesce(max(seq_id), 0) from {_schema}.{RecordsSchema.Seal})",
            connection
        );
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (
            reader.IsDBNull(0) ? 0 : reader.GetInt64(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.GetInt64(2)
        );
    }

    private async Task<List<(long From, long To)>> GapsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var gaps = new List<(long, long)>();
        await using var command = new NpgsqlCommand(
            $"select from_seq, to_seq from {_schema}.{RecordsSchema.Gaps} order by from_seq",
            connection
        );
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            gaps.Add((reader.GetInt64(0), reader.GetInt64(1)));
        return gaps;
    }

    private static async Task<List<StoredEvent>> ReadAsync(
        NpgsqlConnection connection,
        string sql,
        CancellationToken ct
    )
    {
        var events = new List<StoredEvent>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            events.Add(StoredEvent.Read(reader, 0)!);
        return events;
    }

    private async Task InsertAsync(
        NpgsqlConnection connection,
        List<(long Position, StoredEvent Event, string EventHash, string Chain)> rows,
        CancellationToken ct
    )
    {
        await using var import = await connection.BeginBinaryImportAsync(
            $"copy {_schema}.{RecordsSchema.Seal} (position, seq_id, stream_id, version, type, event_hash, chain_hash) "
                + "from stdin (format binary)",
            ct
        );
        foreach (var (position, e, eventHash, chain) in rows)
        {
            await import.StartRowAsync(ct);
            await import.WriteAsync(position, NpgsqlDbType.Bigint, ct);
            await import.WriteAsync(e.Sequence, NpgsqlDbType.Bigint, ct);
            await import.WriteAsync(e.Event.StreamId, NpgsqlDbType.Uuid, ct);
            await import.WriteAsync(e.Event.Version, NpgsqlDbType.Bigint, ct);
            await import.WriteAsync(e.Event.Type, NpgsqlDbType.Varchar, ct);
            await import.WriteAsync(eventHash, NpgsqlDbType.Char, ct);
            await import.WriteAsync(chain, NpgsqlDbType.Char, ct);
        }
        await import.CompleteAsync(ct);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
