using Npgsql;

namespace Governance.Scenarios;

/// <summary>
/// Every document table of the governance schema as canonical JSON (jsonb's own text: keys in a fixed order), by id:
/// what a rebuild must reproduce exactly.
/// </summary>
public static class ReadModelTables
{
    public static async Task<SortedDictionary<string, SortedDictionary<string, string>>> SnapshotAsync(
        string database,
        CancellationToken ct = default
    )
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(ct);
        var tables = new List<string>();
        await using (
            var list = new NpgsqlCommand(
                "select table_name from information_schema.tables "
                    + "where table_schema = 'governance' and table_name like 'mt_doc_%' order by 1",
                connection
            )
        )
        await using (var reader = await list.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                tables.Add(reader.GetString(0));

        var snapshot = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        // The search's stored vectors and the meetings' headers, kept from their documents by triggers, are read models
        // too.
        var columns = tables.ToDictionary(t => t, _ => "data");
        columns[Governance.Decisions.DecisionSearchSchema.TableName] = "vector";
        columns[Governance.Meetings.MeetingHeaderTable.TableName] = "header";
        foreach (var (table, column) in columns)
        {
            var rows = snapshot[table] = new SortedDictionary<string, string>(StringComparer.Ordinal);
            await using var select = new NpgsqlCommand(
                $"select id::text, {column}::text from governance.{table} order by id",
                connection
            );
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                rows[reader.GetString(0)] = reader.GetString(1);
        }
        return snapshot;
    }

    /// <summary>The first difference between two snapshots, or null when they are identical.</summary>
    public static string? FirstDifference(
        SortedDictionary<string, SortedDictionary<string, string>> before,
        SortedDictionary<string, SortedDictionary<string, string>> after
    )
    {
        if (!before.Keys.SequenceEqual(after.Keys))
            return $"tables {string.Join(',', before.Keys)} became {string.Join(',', after.Keys)}";
        foreach (var (table, rows) in before)
        {
            if (rows.Count != after[table].Count)
                return $"{table}: {rows.Count} documents, {after[table].Count} after";
            foreach (var (id, json) in rows)
                if (!after[table].TryGetValue(id, out var other) || other != json)
                    return $"{table} {id} before:\n{json}\nafter:\n{other}";
        }
        return null;
    }
}
