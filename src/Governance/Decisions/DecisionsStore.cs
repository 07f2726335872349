using Governance.Decisions.Swedish;
using JasperFx.Events.Projections;
using Weasel.Postgresql.Tables;
using NpgsqlTypes;

namespace Governance.Decisions;

/// <summary>The decision history's projection and indexes, with the Swedish analyser from the container.</summary>
public sealed class DecisionsStore(SwedishLemmas lemmas) : IConfigureMarten
{
    /// <summary>
    /// The column the search index is built on and the search matches against: the lexemes as a stored tsvector.
    /// Computed in each query (to_tsvector per row), a row cost 15 µs, which PostgreSQL's planner takes to be cheap:
    /// a count of a common word's first 100 matches read the table in order and analysed every row it passed.
    /// </summary>
    public const string SearchVector = "d.lexemes";

    /// <summary>The meeting date as Marten's index on it is built (so an order by it reads the index).</summary>
    public const string MeetingDateIndexed = "governance.mt_immutable_date(data ->> 'MeetingDate')";

    public void Configure(IServiceProvider services, StoreOptions options)
    {
        options.Projections.Add(new DecisionHistoryProjection(lemmas), ProjectionLifecycle.Inline);
        var records = options.Schema.For<DecisionRecord>();
        // The lexemes are lower-case letters and digits separated by spaces, so PostgreSQL reads the text as the same
        // tsvector to_tsvector('simple') would make (given untyped, the column's type reads it).
        records.Duplicate(
            d => d.Lexemes,
            pgType: "tsvector",
            dbType: NpgsqlDbType.Unknown,
            configure: index => index.Method = IndexMethod.gin
        );
        records.Index(d => d.MeetingId);
        records.Index(d => d.MeetingDate);
        // The search's filters, each its own index (and the year, which the archive exports): a filter on its own finds
        // its decisions without reading the rest.
        records
            .Index(d => d.Outcome)
            .Index(d => d.Body)
            .Index(d => d.Kind)
            .Index(d => d.RaisedByMunicipalityCode)
            .Index(d => d.Year);
    }
}
