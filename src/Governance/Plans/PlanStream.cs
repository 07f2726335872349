using Governance.Infrastructure.Aggregates;
using JasperFx.Events;

namespace Governance.Plans;

/// <summary>
/// A year's plan stream fetched for writing; commands carry the version they read (0 before the first draft).
/// </summary>
public sealed record PlanStream(IEventStream<ActivityPlan> Stream, int ExpectedVersion)
{
    public ActivityPlan? Plan => Stream.Aggregate;

    public static async Task<PlanStream> FetchAsync(
        IDocumentSession session,
        int year,
        int expectedVersion,
        CancellationToken ct
    ) => new(await session.Events.FetchForWriting<ActivityPlan>(ActivityPlan.IdFor(year), ct), expectedVersion);

    /// <summary>404 before the year's plan is drafted, 409 for a stale version, else the rule's answer.</summary>
    public ProblemDetails Decide(Func<ActivityPlan, RuleViolation?> rule) =>
        Stream.Decide(ExpectedVersion, "Det finns ingen verksamhetsplan för året ännu.", rule);

    public PlanChanged Append(object @event) => new(Stream.Id, Stream.AppendAndVersion(@event));
}

public sealed record PlanChanged(Guid Id, int Version);
