using JasperFx.Events.Projections;

namespace Governance.Agreement;

public static class AgreementStore
{
    public static void ConfigureAgreement(this StoreOptions options) =>
        options.Projections.Snapshot<CooperationAgreement>(SnapshotLifecycle.Inline);
}
