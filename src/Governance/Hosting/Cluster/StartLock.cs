using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Governance.Hosting.Cluster;

/// <summary>
/// Work that must be done once however many nodes start together (the key ring's first key, the reference data):
/// done under a PostgreSQL advisory lock, so a second node waits, then finds the first one's work done. The lock is
/// the session's: released when the work ends, and by PostgreSQL when a node dies holding it. It needs a pooler in
/// session mode or none (README, "Several nodes").
/// </summary>
public static class StartLock
{
    public static async Task RunAsync(
        NpgsqlDataSource dataSource,
        string name,
        Func<CancellationToken, Task> work,
        CancellationToken ct
    )
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var key = KeyOf(name);
        // No timeout: the other node's work is bounded by its own commands' timeouts, and stopping cancels the wait.
        await using (var take = new NpgsqlCommand("select pg_advisory_lock($1)", connection) { CommandTimeout = 0 })
        {
            take.Parameters.AddWithValue(key);
            await take.ExecuteNonQueryAsync(ct);
        }
        try
        {
            await work(ct);
        }
        finally
        {
            await using var release = new NpgsqlCommand("select pg_advisory_unlock($1)", connection);
            release.Parameters.AddWithValue(key);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>A 64-bit key of its own per name, far from the small numbers Marten and Wolverine use.</summary>
    public static long KeyOf(string name) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"governance:{name}")), 0);
}
