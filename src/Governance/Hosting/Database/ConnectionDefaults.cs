using System.Data.Common;
using Npgsql;

namespace Governance.Hosting.Database;

/// <summary>
/// The service's own defaults for its connections, under whatever the connection string says. Every command runs
/// a handful of the same statements: prepared once per connection they skip PostgreSQL's parse, and after five runs
/// its planning too where one generic plan costs no more than planning each call (Max Auto Prepare), and a connection
/// going back to the pool keeps them instead of being reset with DISCARD ALL (No Reset On Close). Nothing here
/// depends on per-connection state that a reset would clear. A statement whose best plan depends on its values
/// (the decision search, by how common its words are) writes those values into its text.
/// </summary>
public static class ConnectionDefaults
{
    private static readonly (string Key, string[] Synonyms, string Value)[] Defaults =
    [
        ("No Reset On Close", ["noresetonclose"], "true"),
        ("Max Auto Prepare", ["maxautoprepare"], "50"),
    ];

    private const string Compression = "default_toast_compression";

    /// <summary>
    /// What a new physical connection runs first, unless the connection string sets the compression itself.
    /// Documents too large to keep inline (a meeting with its agenda, attendance and minutes) are compressed with LZ4
    /// rather than PostgreSQL's own pglz: a command rewrites its meeting's document, and every list of meetings
    /// unpacks each one to read its date. Set only where the server was built with LZ4: as a connection option, a
    /// server without it would refuse every connection.
    /// </summary>
    public static string? SessionSetup(string connectionString) =>
        (new NpgsqlConnectionStringBuilder(connectionString).Options ?? "").Contains(
            Compression,
            StringComparison.OrdinalIgnoreCase
        )
            ? null
            : "do $$ begin if exists (select 1 from pg_settings "
                + $"where name = '{Compression}' and 'lz4' = any(enumvals)) "
                + $"then perform set_config('{Compression}', 'lz4', false); end if; end $$";

    /// <summary>Runs <see cref="SessionSetup"/> on each new physical connection of the data source.</summary>
    public static NpgsqlDataSourceBuilder WithSessionSetup(
        this NpgsqlDataSourceBuilder builder,
        string connectionString
    )
    {
        if (SessionSetup(connectionString) is not { } sql)
            return builder;
        return builder.UsePhysicalConnectionInitializer(
            connection =>
            {
                using var command = new NpgsqlCommand(sql, connection);
                command.ExecuteNonQuery();
            },
            async connection =>
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync();
            }
        );
    }

    /// <summary>The connection string with each default added where it names no value of its own.</summary>
    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var named = given.Keys.Cast<string>().Select(Normalised).ToHashSet(StringComparer.Ordinal);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        foreach (var (key, synonyms, value) in Defaults)
            if (!synonyms.Any(named.Contains))
                builder[key] = value;
        return builder.ConnectionString;
    }

    private static string Normalised(string key) => key.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
}
