using JasperFx.Events;

namespace Governance.Records.Chain;

/// <summary>
/// Links every event to the one before it in its stream as it is appended. Marten has prepared the events by now
/// (version, timestamp, user, correlation), so the hash covers them as they will be stored; the hash and the previous
/// event's hash travel as event headers in the same batch as the events.
/// The previous hashes of all the streams touched are read in one query before the batch, unless the write read its
/// stream's head with its aggregate (<see cref="StreamHeads"/>); the global order is sealed after the commit
/// (<see cref="ChainSealer"/>), because the database hands out the sequence numbers.
/// </summary>
public sealed class ChainingListener : DocumentSessionListenerBase
{
    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var streams = session.PendingChanges.Streams().Where(s => s.Events.Count > 0).ToList();
        if (streams.Count == 0)
            return;

        var heads = new Dictionary<Guid, StreamHead>();
        var unknown = new HashSet<Guid>();
        foreach (var stream in streams.Where(s => s.ActionType != StreamActionType.Start))
        {
            if (heads.ContainsKey(stream.Id))
                continue;
            // The head read with the write's aggregate, taken if still at the version this append expects.
            if (
                StreamHeads.Take(session, stream.Id) is { } known
                && (stream.ExpectedVersionOnServer ?? known.Version) == known.Version
            )
                heads[stream.Id] = known;
            else
                unknown.Add(stream.Id);
        }
        if (unknown.Count > 0)
        {
            foreach (var head in await StreamHeads.ReadAsync(session, [.. unknown], token))
                heads[head.Id] = head;
        }

        foreach (var stream in streams)
        {
            string? previous = null;
            if (stream.ActionType != StreamActionType.Start)
            {
                var head = heads.GetValueOrDefault(stream.Id);
                var current = head?.Version ?? 0;
                previous = head?.Hash;
                if (stream.ExpectedVersionOnServer is null)
                {
                    // A plain append: pin it to the version the hashes are computed on. A concurrent append then fails
                    // as a stale version (and is retried) instead of storing a link to the wrong predecessor.
                    stream.ExpectedVersionOnServer = current;
                    for (var i = 0; i < stream.Events.Count; i++)
                        stream.Events[i].Version = current + i + 1;
                }
            }
            foreach (var e in stream.Events)
                previous = Chain(session, e, stream.Id, previous);
        }
    }

    private static string Chain(IDocumentSession session, IEvent e, Guid streamId, string? previous)
    {
        e.Timestamp = EventHash.AsStored(e.Timestamp == default ? DateTimeOffset.UtcNow : e.Timestamp);
        var data = CanonicalJson.Of(session.DocumentStore.Options.Serializer().ToJson(e.Data));
        var hash = EventHash.Of(
            new HashedEvent(
                e.Id,
                streamId,
                e.Version,
                e.EventTypeName,
                e.Timestamp,
                e.UserName,
                e.CorrelationId,
                e.CausationId,
                data
            ),
            previous
        );
        e.SetHeader(EventHash.Header, hash);
        if (previous is not null)
            e.SetHeader(EventHash.PreviousHeader, previous);
        return hash;
    }
}
