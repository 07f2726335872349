using JasperFx.Events.Projections;

namespace Governance.Decisions;

public static class DecisionsStore
{
    public static void ConfigureDecisions(this StoreOptions options)
    {
        options.Projections.Add(new DecisionHistoryProjection(), ProjectionLifecycle.Inline);
        // Swedish full-text index over what the search reads (SearchDecisionsEndpoint.SearchedText).
        options.Schema.For<DecisionRecord>().FullTextIndex("swedish", d => d.ItemTitle, d => d.Text, d => d.Kind);
    }
}
