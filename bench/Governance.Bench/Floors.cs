using JasperFx;
using Marten;

namespace Governance.Bench;

/// <summary>
/// What the stack costs without the product, on the same server: Marten appending one event to an existing stream
/// (its own schema, no projection, no listener), and the service answering a request that touches no database.
/// Between them and the plain-Npgsql ceiling they show where a command's time goes.
/// </summary>
public static class Floors
{
    public sealed record Appended(Guid Id, DateTimeOffset At);

    public static async Task<Measurement> MartenAppendAsync(string database, int clients, TimeSpan duration)
    {
        using var store = DocumentStore.For(options =>
        {
            options.Connection(Governance.Hosting.Database.ConnectionDefaults.Apply(database));
            options.DatabaseSchemaName = "bench_marten";
            options.AutoCreateSchemaObjects = AutoCreate.All;
            options.Events.AddEventType<Appended>();
        });
        var streams = Enumerable.Range(0, clients).Select(_ => Guid.CreateVersion7()).ToArray();
        await using (var session = store.LightweightSession())
        {
            foreach (var stream in streams)
                session.Events.StartStream(stream, new Appended(stream, DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }
        return await LoadRunner.RunAsync(
            "Marten alone: one event appended to an existing stream",
            clients,
            duration,
            async (client, ct) =>
            {
                await using var session = store.LightweightSession();
                session.Events.Append(streams[client], new Appended(streams[client], DateTimeOffset.UtcNow));
                await session.SaveChangesAsync(ct);
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
