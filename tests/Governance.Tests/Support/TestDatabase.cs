using Governance.Hosting.Database;
using Microsoft.Extensions.Configuration;

namespace Governance.Tests.Support;

/// <summary>
/// The PostgreSQL the tests use: GOVERNANCE_TEST_DB when set, otherwise a private local cluster of its own
/// (separate from the one `dotnet run` uses), with a database made afresh for each test run.
/// </summary>
public static class TestDatabase
{
    public const string DatabaseName = "governance_tests";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _connectionString;

    public static LocalPostgresCluster? Cluster { get; private set; }

    /// <summary>A second, empty database on the same server, for tests that run hosts of their own.</summary>
    public static async Task<string> FreshDatabaseAsync(string name)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(await ConnectionStringAsync()) { Database = "postgres" };
        await using (var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync();
            foreach (
                var sql in new[] { $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", $"CREATE DATABASE \"{name}\"" }
            )
            {
                await using var command = new Npgsql.NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync();
            }
        }
        builder.Database = name;
        return builder.ConnectionString;
    }

    public static async Task<string> ConnectionStringAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_connectionString is not null)
                return _connectionString;
            if (Environment.GetEnvironmentVariable("GOVERNANCE_TEST_DB") is { Length: > 0 } configured)
                return _connectionString = configured;

            var state = DatabaseSetup.LocalStateFolder(new ConfigurationBuilder().Build(), AppContext.BaseDirectory);
            Cluster = LocalPostgresCluster.Start(Path.Combine(state, "test-postgres"));
            // Leave nothing running after the test run (the cluster's data stays for the next run).
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Cluster.Dispose();
            await Cluster.EnsureDatabaseAsync(DatabaseName, recreate: true);
            return _connectionString = Cluster.ConnectionString(DatabaseName);
        }
        finally
        {
            Gate.Release();
        }
    }
}
