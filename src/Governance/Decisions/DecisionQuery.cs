namespace Governance.Decisions;

/// <summary>A query as PostgreSQL's tsquery over the lexemes: every word found, each in any of its readings.</summary>
public static class DecisionQuery
{
    /// <summary>
    /// (a &amp; b) | c for one word read as the compound a+b or as c; words joined with &amp;. Null for no words.
    /// </summary>
    public static string? TsQuery(IReadOnlyList<IReadOnlyList<IReadOnlySet<string>>> words)
    {
        var clauses = words
            .Select(readings =>
                string.Join(
                    " | ",
                    readings.Select(r => "(" + string.Join(" & ", r.Order(StringComparer.Ordinal)) + ")").Distinct()
                )
            )
            .Where(c => c.Length > 0)
            .Select(c => "(" + c + ")")
            .ToList();
        return clauses.Count == 0 ? null : string.Join(" & ", clauses);
    }
}
