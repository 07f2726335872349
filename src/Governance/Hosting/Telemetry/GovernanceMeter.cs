using System.Diagnostics.Metrics;

namespace Governance.Hosting.Telemetry;

/// <summary>The service's own meter, "Governance": the features create their instruments on it.</summary>
public sealed class GovernanceMeter(IMeterFactory factory)
{
    public const string Name = "Governance";

    public Meter Meter { get; } = factory.Create(Name);
}
