using Npgsql;

namespace Governance.Scenarios;

/// <summary>
/// What the service still has to do by itself after the commands answered, read from its tables: deliveries not yet
/// sent (pending, or failed and waiting for a retry) and messages waiting in Wolverine's inbox and outbox; and the
/// latest event's number, which stands still once nothing more is written.
/// </summary>
public sealed record BackgroundWork(long Deliveries, long OpenDeliveries, long WaitingMessages, long LatestEvent)
{
    /// <summary>No delivery open and no message waiting.</summary>
    public bool Idle => OpenDeliveries == 0 && WaitingMessages == 0;

    /// <summary>Idle, with at least one delivery to show that some went out.</summary>
    public bool Settled => Deliveries > 0 && Idle;

    /// <summary>
    /// Waits until <paramref name="done"/> holds and no event has been appended for <paramref name="quiet"/>: then the
    /// store no longer changes by itself. The quiet spell covers the moment between a command's commit and its events
    /// reaching Wolverine's inbox, when nothing is open yet. Fails after <paramref name="limit"/>, saying what is still
    /// open: a message Wolverine gave up on leaves its delivery open for good.
    /// </summary>
    public static async Task WaitAsync(
        string database,
        Func<BackgroundWork, bool> done,
        TimeSpan quiet,
        TimeSpan limit
    )
    {
        var deadline = DateTime.UtcNow + limit;
        (long Sequence, DateTime Since)? still = null;
        while (true)
        {
            var work = await ReadAsync(database);
            if (!done(work) || still?.Sequence != work.LatestEvent)
                still = done(work) ? (work.LatestEvent, DateTime.UtcNow) : null;
            else if (DateTime.UtcNow - still.Value.Since >= quiet)
                return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException(
                    $"Background work still under way after {limit.TotalSeconds:F0} s: {work.OpenDeliveries} of "
                        + $"{work.Deliveries} deliveries open, {work.WaitingMessages} messages waiting."
                );
            await Task.Delay(250);
        }
    }

    public static async Task<BackgroundWork> ReadAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select (select count(*) from governance.mt_doc_delivery), "
                + "(select count(*) from governance.mt_doc_delivery where status in ('Pending', 'Failed')), "
                + "(select count(*) from wolverine.wolverine_incoming_envelopes where status <> 'Handled') + "
                + "(select count(*) from wolverine.wolverine_outgoing_envelopes), "
                + "(select coalesce(max(seq_id), 0) from governance.mt_events)",
            connection
        );
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }
}
