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

    /// <summary>
    /// The match of a tsquery with its words written into the statement. PostgreSQL then plans each search for how
    /// common its words are: given as a parameter, a statement run often gets one generic plan for every word, and
    /// for a common word that plan reads all of its matches to sort them (26–37 ms instead of 2 for "trafik").
    /// A tsquery made by <see cref="TsQuery"/> holds only letters, digits, spaces and its operators; anything else is
    /// refused, so nothing in it can end the quoted text.
    /// </summary>
    public static string MatchSql(string vector, string tsQuery) =>
        Plain(tsQuery, " &|()")
            ? $"{vector} @@ to_tsquery('simple'::regconfig, '{tsQuery}')"
            : throw new ArgumentException("Only words and the operators & | ( ) make a query.", nameof(tsQuery));

    /// <summary>
    /// A filter's value written into the statement, for the same reason as the words: a kind, an outcome or a code
    /// given as a parameter shares one generic plan with every other value, and for a rare one that plan walks the
    /// whole history along the date index. Only values of letters, digits, spaces and hyphens are written (dates, ids,
    /// the names of enums, codes and kinds); null for any other, which is bound as a parameter instead.
    /// </summary>
    public static string? Literal(string value) =>
        Plain(value, " -") ? $"'{value}'" : null;

    /// <summary>Letters, digits and the given characters only: nothing that could end a quoted text.</summary>
    private static bool Plain(string text, string others) =>
        text.All(c => char.IsLetterOrDigit(c) || others.Contains(c));
}
