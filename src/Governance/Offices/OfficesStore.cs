using JasperFx.Events.Projections;
using Marten;

namespace Governance.Offices;

public static class OfficesStore
{
    public static void ConfigureOffices(this StoreOptions options) =>
        options.Projections.Snapshot<OfficeYear>(SnapshotLifecycle.Inline);
}
