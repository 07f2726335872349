using System.Diagnostics;
using Governance.Hosting.Cluster;
using Governance.Tests.Support;
using Npgsql;

namespace Governance.Tests.Operations.Nodes;

/// <summary>
/// Service processes on one database, each as a machine of its own (its own home and data folder, so nothing a
/// request depends on can come from a shared disk), sending to one mail server. The schema is applied once by the
/// operator's db-apply, as in production; the nodes themselves may create nothing.
/// </summary>
public sealed class NodeCluster : IAsyncDisposable
{
    /// <summary>
    /// Takeover in seconds rather than Wolverine's minute, so the scenario fits a CI run; the same settings an operator
    /// has (README, "Several nodes"). Three heartbeats within the silence that ejects a node, as the check demands.
    /// </summary>
    public static readonly DurabilityOptions Durability = new()
    {
        HealthCheckPollingTime = TimeSpan.FromSeconds(2),
        StaleNodeTimeout = TimeSpan.FromSeconds(6),
        ScheduledJobPollingTime = TimeSpan.FromSeconds(1),
        OrphanedMessageSweepPollingTime = TimeSpan.FromSeconds(1),
        NodeReassignmentPollingTime = TimeSpan.FromSeconds(1),
    };

    private readonly List<ServiceNode> _nodes = [];
    private readonly string _work;

    private NodeCluster(string database, string work)
    {
        Database = database;
        _work = work;
        Smtp.Start();
    }

    public string Database { get; }
    public TestSmtpServer Smtp { get; } = new();

    /// <summary>A new database of that name with the schema applied by db-apply, and a mail server.</summary>
    public static async Task<NodeCluster> CreateAsync(string name)
    {
        var database = await TestDatabase.FreshDatabaseAsync(name);
        var work = Directory.CreateTempSubdirectory(name).FullName;
        var applied = await OperatorCommands.RunAsync(
            "dotnet",
            [Path.Combine(OperatorCommands.ServiceFolder, "Governance.dll"), "db-apply"],
            OperatorCommands.ServiceSettings(database, Path.Combine(work, "operator")),
            OperatorCommands.ServiceFolder
        );
        Assert.True(applied.ExitCode == 0, applied.ToString());
        return new NodeCluster(database, work);
    }

    /// <summary>Starts one more node (not waiting for it).</summary>
    public ServiceNode Start(string name)
    {
        var settings = ServiceNode.Mail(Smtp);
        settings["HOME"] = Directory.CreateDirectory(Path.Combine(_work, name, "home")).FullName;
        // A trial's sign-in page, so a browser's cookie can be made without an OpenID Connect provider.
        settings["Auth__AllowReferenceUsers"] = "true";
        settings["Governance__Durability__HealthCheckPollingTime"] = Durability.HealthCheckPollingTime.ToString("c");
        settings["Governance__Durability__StaleNodeTimeout"] = Durability.StaleNodeTimeout.ToString("c");
        settings["Governance__Durability__ScheduledJobPollingTime"] = Durability.ScheduledJobPollingTime.ToString("c");
        settings["Governance__Durability__OrphanedMessageSweepPollingTime"] =
            Durability.OrphanedMessageSweepPollingTime.ToString("c");
        settings["Governance__Durability__NodeReassignmentPollingTime"] =
            Durability.NodeReassignmentPollingTime.ToString("c");
        var node = ServiceNode.Start(Database, Path.Combine(_work, name, "state"), settings);
        _nodes.Add(node);
        return node;
    }

    /// <summary>Wolverine's node ids, as the nodes registered themselves.</summary>
    public async Task<IReadOnlyList<Guid>> NodeIdsAsync()
    {
        var ids = new List<Guid>();
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "select id from wolverine.wolverine_nodes order by node_number",
            connection
        );
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            ids.Add(reader.GetGuid(0));
        return ids;
    }

    /// <summary>The node a cluster-wide agent runs on (by its URI's scheme), if any.</summary>
    public async Task<Guid?> HolderOfAsync(string scheme)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "select node_id from wolverine.wolverine_node_assignments where id like $1 || '://%' limit 1",
            connection
        );
        command.Parameters.AddWithValue(scheme);
        return await command.ExecuteScalarAsync() as Guid?;
    }

    /// <summary>Every agent assignment as "agent → node", for a failure's message.</summary>
    public async Task<string> AssignmentsAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "select coalesce(string_agg(id || ' → ' || node_id, '; '), '(none)') "
                + "from wolverine.wolverine_node_assignments",
            connection
        );
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.AddWithValue(parameter);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Polls until the condition holds; how long it took. Fails naming what was awaited.</summary>
    public static async Task<TimeSpan> UntilAsync(
        string what,
        TimeSpan limit,
        Func<Task<bool>> condition,
        Func<Task<string>>? state = null
    )
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit)
                Assert.Fail($"Not within {limit.TotalSeconds} s: {what}. {(state is null ? "" : await state())}");
            await Task.Delay(100);
        }
        return clock.Elapsed;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
            await node.DisposeAsync();
        Smtp.Dispose();
        Directory.Delete(_work, recursive: true);
    }
}
