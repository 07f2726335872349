using System.Diagnostics;
using Npgsql;

namespace Governance.Records.Chain;

/// <summary>
/// Checks the whole record against its hashes, read-only, in two streamed passes (memory does not grow with the store):
/// every stream in version order (each event against its own hash and the link to its predecessor), then the seal in
/// its order joined to the events by sequence number (each sealed event still there, in its place and unchanged, and
/// the seal's own chain), and finally events older than the seal that the seal never saw.
/// </summary>
public sealed class ChainVerifier(NpgsqlDataSource database, IDocumentStore store)
{
    public const int ProblemsKept = 50;
    private readonly string _schema = store.Options.DatabaseSchemaName;

    public async Task<ChainReport> VerifyAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var problems = new Problems();
        await using var connection = await database.OpenConnectionAsync(ct);
        // One snapshot for both passes: appends while verifying are not mistaken for damage.
        await using var transaction = await connection.BeginTransactionAsync(
            System.Data.IsolationLevel.RepeatableRead,
            ct
        );
        var legacyThrough = await ScalarAsync(
            connection,
            $"select legacy_through from {_schema}.{RecordsSchema.Origin} where id = 1",
            ct
        );

        var (sealedCount, head, headSequence, maxSealed) = await CheckSealAsync(connection, problems, ct);
        var checkedCount = await CheckStreamsAsync(connection, legacyThrough ?? long.MaxValue, problems, ct);
        await CheckUnsealedAsync(connection, maxSealed, problems, ct);
        var awaiting =
            await ScalarAsync(
                connection,
                $"select count(*) from {_schema}.mt_events e where e.seq_id > {maxSealed}",
                ct
            ) ?? 0;
        await transaction.CommitAsync(ct);
        return new ChainReport(
            checkedCount,
            sealedCount,
            awaiting,
            head,
            headSequence,
            problems.Count,
            problems.Ordered(),
            watch.Elapsed
        );
    }

    private async Task<(long Count, string? Head, long? HeadSequence, long MaxSealed)> CheckSealAsync(
        NpgsqlConnection connection,
        Problems problems,
        CancellationToken ct
    )
    {
        await using var command = new NpgsqlCommand(
            "select s.position, s.seq_id, s.stream_id, s.version, s.type, s.event_hash, s.chain_hash, "
                + $"{StoredEvent.Columns("e")} "
                + $"from {_schema}.{RecordsSchema.Seal} s "
                + $"left join {_schema}.mt_events e on e.seq_id = s.seq_id order by s.position",
            connection
        );
        await using var reader = await command.ExecuteReaderAsync(ct);
        long count = 0,
            maxSealed = 0;
        string? chain = null;
        long? headSequence = null;
        while (await reader.ReadAsync(ct))
        {
            count++;
            var (position, sequence, streamId, version) = (
                reader.GetInt64(0),
                reader.GetInt64(1),
                reader.GetGuid(2),
                reader.GetInt64(3)
            );
            var (type, eventHash, chainHash) = (reader.GetString(4), reader.GetString(5), reader.GetString(6));
            if (EventHash.Seal(eventHash, position, chain, sequence) != chainHash)
                problems.Add(
                    new(
                        ChainProblemKind.SealChanged,
                        sequence,
                        streamId,
                        version,
                        type,
                        $"Förseglingens rad {position} hänger inte ihop med raden före."
                    )
                );
            chain = chainHash;
            headSequence = sequence;
            maxSealed = Math.Max(maxSealed, sequence);

            var stored = StoredEvent.Read(reader, 7);
            if (stored is null)
                problems.Add(
                    new(
                        ChainProblemKind.Missing,
                        sequence,
                        streamId,
                        version,
                        type,
                        "Händelsen finns inte längre i händelsetabellen."
                    )
                );
            else if (stored.Event.StreamId != streamId || stored.Event.Version != version)
                problems.Add(
                    new(
                        ChainProblemKind.OutOfOrder,
                        sequence,
                        streamId,
                        version,
                        type,
                        $"På plats nr {sequence} står nu post {stored.Event.StreamId} version {stored.Event.Version} "
                            + $"({stored.Event.Type}); förseglad var post {streamId} version {version}."
                    )
                );
            else if (stored.Recomputed != eventHash)
                problems.Add(
                    new(
                        ChainProblemKind.Changed,
                        sequence,
                        streamId,
                        version,
                        type,
                        "Innehållet eller uppgifterna om vem, när eller var "
                            + "stämmer inte med den förseglade kontrollsumman."
                    )
                );
        }
        return (count, chain, headSequence, maxSealed);
    }

    private async Task<long> CheckStreamsAsync(
        NpgsqlConnection connection,
        long legacyThrough,
        Problems problems,
        CancellationToken ct
    )
    {
        await using var command = new NpgsqlCommand(
            $"select {StoredEvent.Columns("e")} from {_schema}.mt_events e order by e.stream_id, e.version",
            connection
        );
        await using var reader = await command.ExecuteReaderAsync(ct);
        long count = 0;
        StoredEvent? before = null;
        while (await reader.ReadAsync(ct))
        {
            count++;
            var e = StoredEvent.Read(reader, 0)!;
            var (sequence, streamId, version, type) = (e.Sequence, e.Event.StreamId, e.Event.Version, e.Event.Type);
            if (e.Hash is null)
            {
                if (e.Sequence > legacyThrough && streamId != JasperFx.Events.Tombstone.StreamId)
                    problems.Add(
                        new(
                            ChainProblemKind.NotChained,
                            sequence,
                            streamId,
                            version,
                            type,
                            "Händelsen saknar kontrollsumma: den skrevs inte av tjänsten."
                        )
                    );
            }
            else if (e.Recomputed != e.Hash)
            {
                problems.Add(
                    new(
                        ChainProblemKind.Changed,
                        sequence,
                        streamId,
                        version,
                        type,
                        "Innehållet eller uppgifterna om vem, när eller var stämmer inte med händelsens kontrollsumma."
                    )
                );
            }

            var expectedVersion = before?.Event.StreamId == streamId ? before.Event.Version + 1 : 1;
            if (version > expectedVersion)
                problems.Add(
                    new(
                        ChainProblemKind.Missing,
                        sequence,
                        streamId,
                        expectedVersion,
                        "okänd typ",
                        $"Version {expectedVersion}{(version - 1 > expectedVersion ? $"–{version - 1}" : "")} "
                            + "av posten saknas "
                            + $"före händelse nr {sequence}."
                    )
                );
            else if (
                e.Hash is not null
                && before?.Event.StreamId == streamId
                && before.Hash is not null
                && e.Previous != before.Hash
            )
                problems.Add(
                    new(
                        ChainProblemKind.OutOfOrder,
                        sequence,
                        streamId,
                        version,
                        type,
                        $"Händelsen är inte kedjad till version {before.Event.Version} av posten, som står före den."
                    )
                );
            before = e;
        }
        return count;
    }

    private async Task CheckUnsealedAsync(
        NpgsqlConnection connection,
        long maxSealed,
        Problems problems,
        CancellationToken ct
    )
    {
        await using var command = new NpgsqlCommand(
            $"select {StoredEvent.Columns("e")} from {_schema}.mt_events e where e.seq_id <= {maxSealed} "
                + $"and not exists (select 1 from {_schema}.{RecordsSchema.Seal} s where s.seq_id = e.seq_id) "
                + $"and not exists (select 1 from {_schema}.{RecordsSchema.Gaps} g "
                + "where e.seq_id between g.from_seq and g.to_seq) "
                + "order by e.seq_id",
            connection
        );
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var e = StoredEvent.Read(reader, 0)!;
            problems.Add(
                new(
                    ChainProblemKind.AddedAfterSealing,
                    e.Sequence,
                    e.Event.StreamId,
                    e.Event.Version,
                    e.Event.Type,
                    "Händelsen är äldre än förseglingen men förseglades aldrig: den har lagts till i efterhand."
                )
            );
        }
    }

    private static async Task<long?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct) is long value ? value : null;
    }

    /// <summary>
    /// One problem per kind and event (both passes may see the same damage), the earliest kept, the rest counted.
    /// </summary>
    private sealed class Problems
    {
        private readonly SortedDictionary<
            (long Sequence, ChainProblemKind Kind, Guid Stream, long Version),
            ChainProblem
        > _kept = new();
        private readonly HashSet<(ChainProblemKind, Guid, long)> _seen = [];

        public long Count { get; private set; }

        public void Add(ChainProblem problem)
        {
            var key =
                problem.Kind == ChainProblemKind.SealChanged
                    ? (problem.Kind, Guid.Empty, problem.Sequence)
                    : (problem.Kind, problem.StreamId, problem.Version);
            if (_seen.Count < 10_000 && !_seen.Add(key))
                return;
            Count++;
            _kept[(problem.Sequence, problem.Kind, problem.StreamId, problem.Version)] = problem;
            if (_kept.Count > ProblemsKept)
                _kept.Remove(_kept.Keys.Last());
        }

        public IReadOnlyList<ChainProblem> Ordered() => [.. _kept.Values];
    }
}
