using JasperFx.Events.Projections;

namespace Governance.Municipalities;

public static class MunicipalitiesStore
{
    public static void ConfigureMunicipalities(this StoreOptions options)
    {
        options.Projections.Snapshot<Municipality>(SnapshotLifecycle.Inline);
        // The stream id already derives from the code; the index guards the read model as well.
        options.Schema.For<Municipality>().UniqueIndex(m => m.Code);
    }
}
