using JasperFx.Events.Projections;

namespace Governance.Fees;

public static class FeesStore
{
    public static void ConfigureFees(this StoreOptions options)
    {
        options.Projections.Snapshot<FeeLedger>(SnapshotLifecycle.Inline);
        options.Projections.Add(new FeeYearProjection(), ProjectionLifecycle.Inline);
    }
}
