using Governance.Infrastructure.Queries;
using Weasel.Postgresql.Tables;

namespace Governance.Decisions;

/// <summary>
/// The search's stored vector: each decision's lexemes analysed once, when it is written, beside the decision history.
/// Matched through an expression index instead, every row a page passes along the date index was analysed again
/// (`to_tsvector`, about 15–55 µs a row), and PostgreSQL, taking that for cheap, misplanned.
/// </summary>
public sealed class DecisionSearchSchema(string schema)
    : DerivedDocumentTable("DecisionSearch", schema, TableName, "mt_doc_decisionrecord")
{
    public const string TableName = "decision_search";

    /// <summary>The stored vector of a decision `d` (the history's alias), as the search matches it.</summary>
    public const string Vector = "s.vector";

    /// <summary>The join that gives a decision `d` its stored vector `s`.</summary>
    public static string Join(string schema) => $"join {schema}.{TableName} s on s.id = d.id";

    public override IEnumerable<Type> DependentTypes() => [typeof(DecisionRecord)];

    protected override string Column => "vector";

    protected override string ColumnType => "tsvector";

    protected override string Derived(string data) => $"to_tsvector('simple'::regconfig, {data} ->> 'Lexemes')";

    protected override IEnumerable<IndexDefinition> Indexes() =>
        [new($"ix_{TableName}_vector") { Columns = ["vector"], Method = IndexMethod.gin }];
}
