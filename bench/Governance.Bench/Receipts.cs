using System.Diagnostics;
using Governance.Scenarios;
using Npgsql;

namespace Governance.Bench;

/// <summary>
/// The registries acknowledge what they received, each as its registry and with a registration number, as they do
/// within days: every delivery sent but the newest twentieth, which stays open as the duties of the weeks at hand. An
/// archive is mostly acknowledged deliveries, and the open duties must be found among the few open ones.
/// </summary>
public static class Receipts
{
    private const string Waiting =
        "select id, municipality_code, (data ->> 'Version')::int from governance.mt_doc_delivery "
        + "where status = 'Sent' order by data ->> 'RequestedAt' "
        + "limit greatest(0, (select count(*) from governance.mt_doc_delivery) * 19 / 20 "
        + "- (select count(*) from governance.mt_doc_delivery where status = 'Acknowledged'))";

    public static async Task<Measurement?> AcknowledgeAsync(
        HttpClient client,
        Func<string, string?, string> tokens,
        string database
    )
    {
        var waiting = new List<(Guid Id, string Municipality, int Version)>();
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(Waiting, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                waiting.Add((reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2)));
        }
        if (waiting.Count == 0)
            return null;
        var api = new ScenarioApi(client, tokens);
        var watch = Stopwatch.StartNew();
        var done = 0;
        await Parallel.ForEachAsync(
            waiting,
            new ParallelOptions { MaxDegreeOfParallelism = BenchOptions.Clients },
            async (delivery, ct) =>
            {
                await api.PostAsync(
                    $"/api/distribution/{delivery.Id}/acknowledgement",
                    new { diarienummer = $"KS {delivery.Id.ToString()[..8]}", version = delivery.Version },
                    ct,
                    "registry",
                    delivery.Municipality
                );
                if (Interlocked.Increment(ref done) % Math.Max(1, waiting.Count / 10) == 0)
                    Console.Error.WriteLine($"{done} of {waiting.Count} receipts acknowledged");
            }
        );
        return Measurement.Counted(
            "registries acknowledge the deliveries (commands)",
            BenchOptions.Clients,
            waiting.Count,
            watch.Elapsed
        );
    }
}
