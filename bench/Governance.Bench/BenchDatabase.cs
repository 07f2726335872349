using System.Diagnostics;
using Governance.Hosting.Database;
using Npgsql;
using NpgsqlTypes;

namespace Governance.Bench;

/// <summary>
/// The benchmark's PostgreSQL: a private local cluster (as the service starts for a developer) or a given server,
/// with a fresh database; and what that server can do at most, measured in the same run.
/// </summary>
public sealed class BenchDatabase : IDisposable
{
    private readonly LocalPostgresCluster? _cluster;

    private BenchDatabase(string connectionString, LocalPostgresCluster? cluster) =>
        (ConnectionString, _cluster) = (connectionString, cluster);

    public string ConnectionString { get; }

    /// <summary>
    /// A fresh database for the scale, or with <paramref name="reuse"/> the one a completed earlier run seeded (a
    /// large store takes long to record through the API; the measurements after seeding are repeatable on it).
    /// </summary>
    public static async Task<BenchDatabase> StartAsync(string? given, string stateFolder, string scale, bool reuse)
    {
        var name = $"governance_bench_{scale}";
        if (given is not null)
        {
            var builder = new NpgsqlConnectionStringBuilder(given);
            var target = builder.Database ?? name;
            builder.Database = "postgres";
            await ExecuteAsync(builder.ConnectionString, $"DROP DATABASE IF EXISTS \"{target}\" WITH (FORCE)");
            await ExecuteAsync(builder.ConnectionString, $"CREATE DATABASE \"{target}\"");
            builder.Database = target;
            return new(builder.ConnectionString, null);
        }
        var cluster = LocalPostgresCluster.Start(Path.Combine(stateFolder, "bench-postgres"));
        await cluster.EnsureDatabaseAsync(name, recreate: !reuse);
        return new(cluster.ConnectionString(name), cluster);
    }

    /// <summary>Whether a run completed its seeding here (the mark is written after the outbox drained).</summary>
    public async Task<bool> SeededAsync() =>
        await ScalarAsync(ConnectionString, "select count(*) from pg_tables where tablename = 'bench_seeded'") > 0;

    public Task MarkSeededAsync() => ExecuteAsync(ConnectionString, "create table if not exists bench_seeded ()");

    /// <summary>
    /// Plain Npgsql at <paramref name="clients"/> tasks, each a one-row insert in its own transaction.
    /// </summary>
    public async Task<Measurement> CeilingAsync(int clients, TimeSpan duration)
    {
        await ExecuteAsync(
            ConnectionString,
            "create table if not exists bench_ceiling (id bigserial primary key, v text)"
        );
        await using var source = NpgsqlDataSource.Create(ConnectionString);
        return await LoadRunner.RunAsync(
            "plain Npgsql one-row transaction",
            clients,
            duration,
            async (_, ct) =>
            {
                await using var connection = await source.OpenConnectionAsync(ct);
                await using var tx = await connection.BeginTransactionAsync(ct);
                await using var insert = new NpgsqlCommand("insert into bench_ceiling (v) values ($1)", connection, tx);
                insert.Parameters.AddWithValue("ceiling");
                await insert.ExecuteNonQueryAsync(ct);
                await tx.CommitAsync(ct);
                return true;
            }
        );
    }

    /// <summary>
    /// Rows a second by binary COPY into a table with a primary key and a GIN index, as an event table has.
    /// </summary>
    public async Task<double> CopyRateAsync(int rows)
    {
        await ExecuteAsync(
            ConnectionString,
            "drop table if exists bench_copy; create table bench_copy "
                + "(id uuid primary key, seq bigint, type text, data jsonb); "
                + "create index on bench_copy using gin (data)"
        );
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var watch = Stopwatch.StartNew();
        await using (
            var writer = await connection.BeginBinaryImportAsync(
                "copy bench_copy (id, seq, type, data) from stdin (format binary)"
            )
        )
        {
            for (var i = 0; i < rows; i++)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await writer.WriteAsync((long)i, NpgsqlDbType.Bigint);
                await writer.WriteAsync("matter_raised", NpgsqlDbType.Text);
                await writer.WriteAsync($"{{\"Title\":\"{Vocabulary.Title(i)}\",\"N\":{i}}}", NpgsqlDbType.Jsonb);
            }
            await writer.CompleteAsync();
        }
        var rate = rows / watch.Elapsed.TotalSeconds;
        await ExecuteAsync(ConnectionString, "drop table bench_copy; drop table if exists bench_ceiling");
        return rate;
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _cluster?.Dispose();
}
