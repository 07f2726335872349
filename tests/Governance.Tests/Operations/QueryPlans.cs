using System.Text.Json;
using Npgsql;

namespace Governance.Tests.Operations;

/// <summary>
/// What PostgreSQL would do for a query when told to avoid reading whole tables: a step that still reads all of a
/// table (a sequential scan, or a whole index without a limit above it) is work that grows with the store.
/// </summary>
public static class QueryPlans
{
    /// <summary>
    /// Partial indexes of a working set that does not grow with the archive (minutes awaiting approval, deliveries
    /// not yet acknowledged): reading one whole reads what the duty lists show, not the store.
    /// </summary>
    private static readonly HashSet<string> WorkingSets =
    [
        Governance.Meetings.MeetingsAwaitingApproval.Index,
        Governance.Distribution.Delivery.OpenIndex,
        Governance.Distribution.Delivery.OldestOpenIndex,
    ];

    /// <summary>
    /// Gives the planner the statistics of what is stored now; and, for a table named, what autovacuum gives it on a
    /// server that has run a while: the pages that all transactions see marked so (which index-only scans rely on).
    /// </summary>
    public static async Task AnalyzeAsync(string database, string? vacuumed = null)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var statement = vacuumed is null ? "analyze" : $"vacuum analyze {vacuumed}";
        await using var analyze = new NpgsqlCommand(statement, connection);
        await analyze.ExecuteNonQueryAsync();
    }

    public static async Task<IReadOnlyList<string>> UnboundedStepsAsync(
        string database,
        CapturedQueries.Query query,
        IReadOnlySet<string> tables
    )
    {
        using var plan = await ExplainAsync(database, "explain (format json) ", query, "set enable_seqscan = off");
        var found = new List<string>();
        Walk(plan.RootElement[0].GetProperty("Plan"), underLimit: false, tables, found);
        return found;
    }

    /// <summary>
    /// The rows PostgreSQL read from <paramref name="table"/> running the query (those passed on and those its filters
    /// removed, in every loop and subplan).
    /// </summary>
    public static async Task<long> RowsReadAsync(string database, CapturedQueries.Query query, string table)
    {
        using var plan = await ExplainAsync(database, "explain (analyze, format json) ", query);
        return Read(plan.RootElement[0].GetProperty("Plan"), table);
    }

    /// <summary>The query explained as <paramref name="explain"/> says, with its parameters, after a setting.</summary>
    private static async Task<JsonDocument> ExplainAsync(
        string database,
        string explain,
        CapturedQueries.Query query,
        string? setting = null
    )
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        if (setting is not null)
            await using (var set = new NpgsqlCommand(setting, connection))
                await set.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(explain + query.Sql, connection);
        foreach (var (value, type) in query.Parameters)
            command.Parameters.Add(
                type is { } t
                    ? new NpgsqlParameter { Value = value, NpgsqlDbType = t }
                    : new NpgsqlParameter { Value = value }
            );
        return JsonDocument.Parse((string)(await command.ExecuteScalarAsync())!);
    }

    private static long Read(JsonElement node, string table)
    {
        var read = 0L;
        if (node.TryGetProperty("Relation Name", out var relation) && relation.GetString() == table)
        {
            var removed = node.TryGetProperty("Rows Removed by Filter", out var r) ? r.GetDouble() : 0;
            read += (long)(
                (node.GetProperty("Actual Rows").GetDouble() + removed) * node.GetProperty("Actual Loops").GetDouble()
            );
        }
        if (node.TryGetProperty("Plans", out var children))
            foreach (var child in children.EnumerateArray())
                read += Read(child, table);
        return read;
    }

    private static void Walk(JsonElement node, bool underLimit, IReadOnlySet<string> tables, List<string> found)
    {
        var type = node.GetProperty("Node Type").GetString()!;
        var relation = node.TryGetProperty("Relation Name", out var r) ? r.GetString() : null;
        if (relation is not null && tables.Contains(relation))
        {
            var whole =
                type == "Seq Scan"
                || (
                    type is "Index Scan" or "Index Only Scan"
                    && !node.TryGetProperty("Index Cond", out _)
                    && !underLimit
                    && !(node.TryGetProperty("Index Name", out var index) && WorkingSets.Contains(index.GetString()!))
                );
            if (whole)
                found.Add($"{type} on {relation}");
        }
        var limited = underLimit || type == "Limit";
        if (node.TryGetProperty("Plans", out var children))
            foreach (var child in children.EnumerateArray())
                Walk(child, limited, tables, found);
    }
}
