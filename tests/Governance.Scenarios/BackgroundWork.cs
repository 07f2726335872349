using Npgsql;

namespace Governance.Scenarios;

/// <summary>
/// What the service still has to do by itself after the commands answered, read from its tables: deliveries not yet
/// sent (pending, or failed and waiting for a retry) and messages waiting in Wolverine's inbox and outbox; and the
/// latest event's number, which stands still once nothing more is written.
/// </summary>
public sealed record BackgroundWork(long Deliveries, long OpenDeliveries, long WaitingMessages, long LatestEvent)
{
    /// <summary>Nothing open and nothing waiting (with at least one delivery to show that some went out).</summary>
    public bool Settled => Deliveries > 0 && OpenDeliveries == 0 && WaitingMessages == 0;

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
