using Governance.Decisions.Swedish;
using JasperFx.Events.Projections;

namespace Governance.Decisions;

/// <summary>The decision history's projection and indexes, with the Swedish analyser from the container.</summary>
public sealed class DecisionsStore(SwedishLemmas lemmas) : IConfigureMarten
{
    /// <summary>The meeting date as Marten's index on it is built (so an order by it reads the index).</summary>
    public const string MeetingDateIndexed = "governance.mt_immutable_date(data ->> 'MeetingDate')";

    public void Configure(IServiceProvider services, StoreOptions options)
    {
        options.Projections.Add(new DecisionHistoryProjection(lemmas), ProjectionLifecycle.Inline);
        var records = options.Schema.For<DecisionRecord>();
        // The search matches a stored vector, in a table of its own kept by triggers on this one.
        options.Storage.Add(new DecisionSearchSchema(options.DatabaseSchemaName));
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
