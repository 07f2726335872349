namespace Governance.Plans;

public sealed record Network(string Name, string Members, string? FocusArea);

/// <summary>The networks of managers that carry out the action plan's activities (Verksamhetsplan 2020).</summary>
public static class Networks
{
    public static readonly IReadOnlyList<Network> Sodertorn =
    [
        new("SUP-gruppen", "Planeringschefer", "Infrastruktur"),
        new("SNUG", "Näringslivschefer", "Näringsliv"),
        new("YH-nätverket", "Ansvariga för yrkeshögskoleutbildning", "Utbildning"),
        new("Klimatnätverket", "Klimatstrateger", "Infrastruktur"),
        new("Kommunikationsnätverket", "Kommunikationschefer", "Funktionell samordning"),
    ];

    [WolverineGet("/api/networks", OperationId = "GetNetworks")]
    public static IReadOnlyList<Network> Get() => Sodertorn;
}

public static class PlansStore
{
    public static void ConfigurePlans(this Marten.StoreOptions options) =>
        options.Projections.Snapshot<ActivityPlan>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
}
