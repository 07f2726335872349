using JasperFx.Events;

namespace Governance.Plans;

/// <summary>A year's plan stream fetched for writing; commands carry the version they read (0 before the first draft).</summary>
public sealed record PlanStream(IEventStream<ActivityPlan> Stream, int ExpectedVersion)
{
    public ActivityPlan? Plan => Stream.Aggregate;

    public static async Task<PlanStream> FetchAsync(IDocumentSession session, int year, int expectedVersion, CancellationToken ct) =>
        new(await session.Events.FetchForWriting<ActivityPlan>(ActivityPlan.IdFor(year), ct), expectedVersion);

    /// <summary>404 before the year's plan is drafted, 409 for a stale version, else the rule's answer.</summary>
    public ProblemDetails Decide(Func<ActivityPlan, RuleViolation?> rule)
    {
        if (Plan is null) return Problems.NotFound("Det finns ingen verksamhetsplan för året ännu.");
        if (Stream.CurrentVersion != ExpectedVersion) return Problems.StaleVersion(ExpectedVersion, Stream.CurrentVersion ?? 0);
        return rule(Plan).OrContinue();
    }

    public PlanChanged Append(object @event)
    {
        Stream.AppendOne(@event);
        return new PlanChanged(Stream.Id, (int)Stream.CurrentVersion!.Value);
    }
}

public sealed record PlanChanged(Guid Id, int Version);
