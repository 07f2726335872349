using Npgsql;

namespace Governance.Hosting.Cluster;

/// <summary>
/// Each node's connections carry its name (machine and process) as PostgreSQL's application_name, so an operator
/// sees in pg_stat_activity how many connections each node holds. A name in the connection string is kept.
/// </summary>
public static class NodeName
{
    public static string Current { get; } = Truncate($"governance {Environment.MachineName} {Environment.ProcessId}");

    public static void Apply(NpgsqlConnectionStringBuilder connection) =>
        connection.ApplicationName = string.IsNullOrWhiteSpace(connection.ApplicationName)
            ? Current
            : connection.ApplicationName;

    // PostgreSQL keeps 63 bytes of it.
    private static string Truncate(string name) => name.Length <= 63 ? name : name[..63];
}
