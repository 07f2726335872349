using JasperFx.Events.Projections;

namespace Governance.Decisions;

public static class DecisionsStore
{
    public static void ConfigureDecisions(this StoreOptions options)
    {
        options.Projections.Add(new DecisionHistoryProjection(), ProjectionLifecycle.Inline);
        // Swedish full-text index over the same expression the search uses.
        options.Schema.For<DecisionRecord>().FullTextIndex("swedish", d => d.SearchText);
    }
}
