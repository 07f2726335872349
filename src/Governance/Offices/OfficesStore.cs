using JasperFx.Events.Projections;

namespace Governance.Offices;

public static class OfficesStore
{
    public static void ConfigureOffices(this StoreOptions options) =>
        options.Projections.Snapshot<OfficeYear>(SnapshotLifecycle.Inline);
}
