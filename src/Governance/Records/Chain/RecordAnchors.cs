using Governance.Distribution;
using Governance.Minutes;
using Marten.Events;
using Npgsql;

namespace Governance.Records.Chain;

/// <summary>
/// The seal's chain hash at one event: printed in a document so a registry can later check the record.
/// </summary>
public sealed record RecordAnchor(long Sequence, string ChainHash);

/// <summary>The anchors of a meeting's minutes (at the approval, at each correction) and where to check them.</summary>
public sealed record MinutesAnchors(RecordAnchor? Approval, IReadOnlyList<RecordAnchor?> Corrections, string CheckUrl);

/// <summary>What the seal says of one chain hash, for a registry checking the one printed in its copy.</summary>
public sealed record AnchorLookup(
    long Position,
    long Sequence,
    Guid StreamId,
    long Version,
    string Type,
    DateTimeOffset SealedAt
);

public sealed class RecordAnchors(
    NpgsqlDataSource database,
    IDocumentStore store,
    ChainSealer sealer,
    DistributionOptions options
)
{
    private readonly string _schema = store.Options.DatabaseSchemaName;

    /// <summary>The public page where anyone checks a printed chain hash against the record.</summary>
    public string CheckUrl => $"{options.PublicBaseUrl.TrimEnd('/')}/kontroll";

    /// <summary>
    /// The minutes' anchors. With <paramref name="sealFirst"/> (a document about to go out, or approved minutes read)
    /// an anchor not yet sealed is sealed first; once sealed, reading them takes two indexed queries and no lock.
    /// </summary>
    public async Task<MinutesAnchors> ForMinutesAsync(
        IQuerySession session,
        Guid meetingId,
        bool sealFirst,
        CancellationToken ct
    )
    {
        var events = await session
            .Events.QueryAllRawEvents()
            .Where(e => e.StreamId == meetingId && e.EventTypesAre(typeof(MinutesApproved), typeof(MinutesCorrected)))
            .OrderBy(e => e.Sequence)
            .WithValuesRead()
            .ToListAsync(ct);
        if (events.Count == 0)
            return new MinutesAnchors(null, [], CheckUrl);
        var sequences = events.Select(e => e.Sequence).ToArray();
        var hashes = await ChainHashesAsync(sequences, ct);
        if (sealFirst && hashes.Count < sequences.Length)
        {
            await sealer.SealThroughAsync(sequences[^1], ct);
            hashes = await ChainHashesAsync(sequences, ct);
        }

        RecordAnchor? Anchor(long sequence) => hashes.TryGetValue(sequence, out var hash) ? new(sequence, hash) : null;
        var approval = events.FirstOrDefault(e => e.Data is MinutesApproved);
        return new MinutesAnchors(
            approval is null ? null : Anchor(approval.Sequence),
            [.. events.Where(e => e.Data is MinutesCorrected).Select(e => Anchor(e.Sequence))],
            CheckUrl
        );
    }

    private async Task<Dictionary<long, string>> ChainHashesAsync(long[] sequences, CancellationToken ct)
    {
        var hashes = new Dictionary<long, string>();
        await using var command = database.CreateCommand(
            $"select seq_id, chain_hash from {_schema}.{RecordsSchema.Seal} where seq_id = any($1)"
        );
        command.Parameters.AddWithValue(sequences);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            hashes[reader.GetInt64(0)] = reader.GetString(1);
        return hashes;
    }

    public async Task<AnchorLookup?> FindAsync(string chainHash, CancellationToken ct)
    {
        await using var command = database.CreateCommand(
            $"select position, seq_id, stream_id, version, type, sealed_at from {_schema}.{RecordsSchema.Seal} "
                + "where chain_hash = $1"
        );
        command.Parameters.AddWithValue(chainHash.Trim().ToLowerInvariant());
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            return null;
        return new AnchorLookup(
            reader.GetInt64(0),
            reader.GetInt64(1),
            reader.GetGuid(2),
            reader.GetInt64(3),
            reader.GetString(4),
            reader.GetFieldValue<DateTimeOffset>(5)
        );
    }
}
