using System.Runtime.CompilerServices;
using Marten.Services.BatchQuerying;

namespace Governance.Records.Chain;

/// <summary>A stream's current version and the hash of its last event: what the next event's hash links to.</summary>
public sealed record StreamHead(Guid Id, long Version, string? Hash);

/// <summary>
/// The heads of streams, read in one query. A write that loads its aggregate reads the head of that stream in the
/// same batch (<see cref="StreamHeadQuery"/>); the head is then remembered for the session, and the chaining of the
/// events it appends (<see cref="ChainingListener"/>) takes it from there instead of reading it again, once.
/// </summary>
public static class StreamHeads
{
    private static readonly ConditionalWeakTable<IQuerySession, Dictionary<Guid, StreamHead>> Remembered = new();

    /// <summary>
    /// Read through the session (its own connection and transaction, traced as the command's), so events appended
    /// earlier in the same transaction count.
    /// </summary>
    public static Task<IReadOnlyList<StreamHead>> ReadAsync(IQuerySession session, Guid[] ids, CancellationToken ct) =>
        session.QueryAsync<StreamHead>(Sql(session), ct, ids);

    public static Task<IReadOnlyList<StreamHead>> Read(IBatchedQuery batch, Guid[] ids) =>
        batch.Query<StreamHead>(Sql(batch.Parent), ids);

    /// <summary>Kept for the session's next save, which takes it if its stream is still at that version.</summary>
    public static StreamHead? Remember(IQuerySession session, StreamHead? head)
    {
        if (head is null)
            return null;
        var remembered = Remembered.GetOrCreateValue(session);
        lock (remembered)
        {
            remembered[head.Id] = head;
        }
        return head;
    }

    /// <summary>The head read earlier in the session, forgotten as it is taken: the next save reads afresh.</summary>
    public static StreamHead? Take(IQuerySession session, Guid id)
    {
        if (!Remembered.TryGetValue(session, out var remembered))
            return null;
        lock (remembered)
        {
            return remembered.Remove(id, out var head) ? head : null;
        }
    }

    private static string Sql(IQuerySession session)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        return "select jsonb_build_object('Id', s.id, 'Version', s.version, "
            + $"'Hash', e.headers ->> '{EventHash.Header}') from {schema}.mt_streams s "
            + $"left join {schema}.mt_events e on e.stream_id = s.id and e.version = s.version where s.id = any(?)";
    }
}

/// <summary>The head of the stream a write loads, as it stood when read; none for a stream not yet started.</summary>
public sealed record StreamHeadRead(StreamHead? Head);

/// <summary>The head of one stream, read alone or in a batch with a write's other reads, and remembered.</summary>
public sealed class StreamHeadQuery(Guid streamId) : IQueryPlan<StreamHeadRead>, IBatchQueryPlan<StreamHeadRead>
{
    public static StreamHeadQuery Of(Guid streamId) => new(streamId);

    public async Task<StreamHeadRead> Fetch(IQuerySession session, CancellationToken token) =>
        new(StreamHeads.Remember(session, (await StreamHeads.ReadAsync(session, [streamId], token)).SingleOrDefault()));

    public async Task<StreamHeadRead> Fetch(IBatchedQuery query) =>
        new(StreamHeads.Remember(query.Parent, (await StreamHeads.Read(query, [streamId])).SingleOrDefault()));
}
