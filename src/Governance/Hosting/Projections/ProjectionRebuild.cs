using JasperFx.Events.Projections;

namespace Governance.Hosting.Projections;

/// <summary>
/// Rebuilds every read model from the events, as `projections rebuild` does: each projection's documents are emptied
/// and written anew. The service must take no command meanwhile (README, "Upgrading, and rebuilding a projection").
/// </summary>
public static class ProjectionRebuild
{
    /// <summary>The projections' names, as `projections list` shows them.</summary>
    public static IReadOnlyList<string> Names(IDocumentStore store) =>
        [.. store.Options.Events.Projections().Select(p => p.Name).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Rebuilds all of them, the ones that read the same events side by side.</summary>
    public static Task RebuildAllAsync(IDocumentStore store, CancellationToken ct) =>
        RebuildAsync(store, Names(store), ct);

    /// <summary>Rebuilds the named ones, side by side.</summary>
    public static async Task RebuildAsync(IDocumentStore store, IEnumerable<string> names, CancellationToken ct)
    {
        using var daemon = await store.BuildProjectionDaemonAsync();
        await Task.WhenAll(names.Select(name => daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(30), ct)));
    }
}
