using Governance.Hosting.Database;
using Governance.Hosting.Telemetry;
using Governance.Tests.Support;
using Npgsql;

namespace Governance.Tests.Hosting;

/// <summary>
/// The service's connections prepare the statements they run often and keep their plans: planning each call cost 0.1
/// to 0.5 ms a statement, several times a statement's own run. The search, whose plan depends on its words, writes
/// them into its text (<c>SwedishAnalysisTests</c>).
/// </summary>
public class ConnectionDefaultsTests
{
    [Fact]
    public async Task a_statement_run_often_is_prepared_once_and_keeps_one_plan()
    {
        var database = await TestDatabase.ConnectionStringAsync();
        await using var connection = new NpgsqlConnection(ConnectionDefaults.Apply(database));
        await connection.OpenAsync();
        const string sql = "select count(*) from pg_class where relname = $1 and relpages >= $2";
        for (var run = 0; run < 30; run++)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = "pg_class" });
            command.Parameters.Add(new NpgsqlParameter { Value = run });
            await command.ExecuteScalarAsync();
        }

        await using var plans = new NpgsqlCommand(
            "select generic_plans, custom_plans from pg_prepared_statements where statement = $1",
            connection
        );
        plans.Parameters.Add(new NpgsqlParameter { Value = sql });
        await using var reader = await plans.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "The statement run thirty times was not prepared.");
        Assert.True(reader.GetInt64(0) >= 15, $"{reader.GetInt64(0)} generic plans");
        Assert.True(reader.GetInt64(1) <= 6, $"{reader.GetInt64(1)} custom plans");
    }

    [Fact]
    public void values_the_connection_string_gives_are_kept_and_its_options_untouched()
    {
        var applied = new NpgsqlConnectionStringBuilder(
            ConnectionDefaults.Apply("Host=db;Database=g;Options=-c search_path=x;Max Auto Prepare=5")
        );
        Assert.Equal("-c search_path=x", applied.Options);
        Assert.Equal(5, applied.MaxAutoPrepare);
        Assert.True(applied.NoResetOnClose);
    }

    [Fact]
    public async Task a_document_too_large_to_keep_inline_is_stored_compressed_with_lz4()
    {
        var database = await TestDatabase.ConnectionStringAsync();
        await using var service = TelemetrySetup.CreateDataSource(database);
        await using var connection = await service.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            "create temporary table meeting_like (data jsonb not null);"
                + "insert into meeting_like select jsonb_build_object('Matters', "
                + "(select jsonb_agg(jsonb_build_object('Title', 'Ärende ' || i, 'Text', repeat('Beslut ', 40))) "
                + "from generate_series(1, 40) i));"
                + "select pg_column_compression(data) from meeting_like",
            connection
        );
        Assert.Equal("lz4", await command.ExecuteScalarAsync());
    }

    [Fact]
    public void a_compression_the_connection_string_sets_is_its_own_and_lz4_is_set_only_where_the_server_has_it()
    {
        Assert.Null(ConnectionDefaults.SessionSetup("Host=db;Options=-c default_toast_compression=pglz"));
        Assert.Contains("'lz4' = any(enumvals)", ConnectionDefaults.SessionSetup("Host=db"), StringComparison.Ordinal);
    }
}
