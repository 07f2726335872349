using Governance.Distribution;
using Governance.Minutes;
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
    private readonly string _events = store.Options.Events.DatabaseSchemaName;

    /// <summary>The public page where anyone checks a printed chain hash against the record.</summary>
    public string CheckUrl => $"{options.PublicBaseUrl.TrimEnd('/')}/kontroll";

    /// <summary>
    /// The minutes' anchors. With <paramref name="sealFirst"/> (a document about to go out, or approved minutes read)
    /// an anchor not yet sealed is sealed first; once sealed, reading them takes one indexed query and no lock.
    /// </summary>
    public async Task<MinutesAnchors> ForMinutesAsync(Guid meetingId, bool sealFirst, CancellationToken ct)
    {
        var events = await AnchoredAsync(meetingId, ct);
        if (events.Count == 0)
            return new MinutesAnchors(null, [], CheckUrl);
        if (sealFirst && events.Any(e => e.ChainHash is null))
        {
            await sealer.SealThroughAsync(events[^1].Sequence, ct);
            events = await AnchoredAsync(meetingId, ct);
        }

        RecordAnchor? Anchor(Anchored e) => e.ChainHash is { } hash ? new(e.Sequence, hash) : null;
        var approval = events.FirstOrDefault(e => e.Type == _approved);
        return new MinutesAnchors(
            approval is null ? null : Anchor(approval),
            [.. events.Where(e => e.Type == _corrected).Select(Anchor)],
            CheckUrl
        );
    }

    private sealed record Anchored(long Sequence, string Type, string? ChainHash);

    private readonly string _approved = EventTypeName<MinutesApproved>(store);
    private readonly string _corrected = EventTypeName<MinutesCorrected>(store);

    /// <summary>
    /// The query of <see cref="AnchoredAsync"/>, written once: the meeting's id, then <see cref="AnchoredTypes"/>.
    /// </summary>
    internal string AnchoredSql =>
        field ??= $"select e.seq_id, e.type, s.chain_hash from {_events}.mt_events e "
            + $"left join {_schema}.{RecordsSchema.Seal} s on s.seq_id = e.seq_id "
            + "where e.stream_id = $1 and e.type = any($2) and not e.is_archived order by e.seq_id";

    internal string[] AnchoredTypes => field ??= [_approved, _corrected];

    /// <summary>As stored, registered with the store's configuration (<see cref="RecordsSchema"/>).</summary>
    private static string EventTypeName<T>(IDocumentStore store) =>
        store.Options.Events.AllKnownEventTypes().Single(t => t.EventType == typeof(T)).EventTypeName;

    /// <summary>
    /// The meeting's approval and corrections, oldest first, each with its chain hash once sealed: one indexed query.
    /// </summary>
    private async Task<List<Anchored>> AnchoredAsync(Guid meetingId, CancellationToken ct)
    {
        await using var command = database.CreateCommand(AnchoredSql);
        command.Parameters.AddWithValue(meetingId);
        command.Parameters.AddWithValue(AnchoredTypes);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var events = new List<Anchored>();
        while (await reader.ReadAsync(ct))
            events.Add(new(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        return events;
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
