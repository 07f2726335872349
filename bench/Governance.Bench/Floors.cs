using JasperFx;
using Marten;
using Npgsql;

namespace Governance.Bench;

/// <summary>
/// What the stack costs without the product, on the same server: Marten appending one event to a stream (its own
/// schema, no projection, no listener), and the service answering a request that touches no database.
/// Between them and the plain-Npgsql ceiling they show where a command's time goes.
/// </summary>
public static class Floors
{
    public sealed record Appended(Guid Id, DateTimeOffset At);

    /// <summary>Events per floor stream: the command benchmark's agenda of 25 matters per meeting.</summary>
    private const int EventsPerStream = 25;

    /// <summary>
    /// Appends to streams shaped like the command benchmark's meetings (a new one after 25 events), in a schema made
    /// afresh each run, so the rebuild floor (<see cref="MartenRebuildFloor"/>) replays exactly what this run wrote.
    /// </summary>
    public static async Task<Measurement> MartenAppendAsync(string database, int clients, TimeSpan duration)
    {
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand("drop schema if exists bench_marten cascade", connection);
            await drop.ExecuteNonQueryAsync();
        }
        using var store = DocumentStore.For(options =>
        {
            options.Connection(Governance.Hosting.Database.ConnectionDefaults.Apply(database));
            options.DatabaseSchemaName = "bench_marten";
            options.AutoCreateSchemaObjects = AutoCreate.All;
            options.Events.AddEventType<Appended>();
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var streams = new (Guid Id, int Events)[clients];
        return await LoadRunner.RunAsync(
            "Marten alone: one event appended (a new stream every 25)",
            clients,
            duration,
            async (client, ct) =>
            {
                await using var session = store.LightweightSession();
                var (id, events) = streams[client];
                if (id == Guid.Empty || events >= EventsPerStream)
                {
                    id = Guid.CreateVersion7();
                    session.Events.StartStream(id, new Appended(id, DateTimeOffset.UtcNow));
                    events = 0;
                }
                else
                {
                    session.Events.Append(id, new Appended(id, DateTimeOffset.UtcNow));
                }
                await session.SaveChangesAsync(ct);
                streams[client] = (id, events + 1);
                return true;
            }
        );
    }

    public static Task<Measurement> ServiceAloneAsync(HttpClient client, int clients, TimeSpan duration) =>
        LoadRunner.RunAsync(
            "service alone: GET /health/live (no database)",
            clients,
            duration,
            async (_, ct) =>
            {
                using var response = await client.GetAsync("/health/live", ct);
                return response.IsSuccessStatusCode;
            }
        );
}
