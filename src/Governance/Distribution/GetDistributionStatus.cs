using Governance.Municipalities;
using JasperFx.Events.Projections;

namespace Governance.Distribution;

public sealed record DeliveryState(
    Guid DeliveryId, string MunicipalityCode, string Municipality, DeliveryChannel Channel, string Address, DeliveryStatus Status, int Attempts,
    string? LastError, DateTimeOffset? SentAt, DateTimeOffset? AcknowledgedAt, string? Diarienummer, int Version);

public sealed record DocumentDistribution(string DocumentKey, string Kind, string Title, Guid? MeetingId, DateTimeOffset CreatedAt, IReadOnlyList<DeliveryState> Deliveries);

public sealed record DistributionStatus(IReadOnlyList<DocumentDistribution> Documents, IReadOnlyList<string> OpenDuties);

public static class GetDistributionStatusEndpoint
{
    /// <summary>Per document and municipality: pending, sent, failed (with the error), dead-lettered, acknowledged; and the duties still open.</summary>
    [Authorize]
    [WolverineGet("/api/distribution", OperationId = "GetDistributionStatus")]
    public static async Task<DistributionStatus> Get(string? kind, IQuerySession session, CancellationToken ct)
    {
        var documents = await session.Query<DistributionDocument>().ToListAsync(ct);
        var deliveries = (await session.Query<Delivery>().ToListAsync(ct)).ToLookup(d => d.DocumentKey);
        var names = await MunicipalityNames.LoadAsync(session, ct);
        var list = documents.Where(d => kind is null || d.Kind == kind).OrderByDescending(d => d.CreatedAt).Select(doc => new DocumentDistribution(
            doc.Id, doc.Kind, doc.Title, doc.MeetingId, doc.CreatedAt,
            [.. deliveries[doc.Id].OrderBy(d => names.NameOr(d.MunicipalityCode), StringComparer.Ordinal).Select(d => new DeliveryState(d.Id, d.MunicipalityCode,
                names.NameOr(d.MunicipalityCode), d.Channel, d.Address, d.Status, d.Attempts, d.LastError, d.SentAt, d.AcknowledgedAt, d.Diarienummer, d.Version))])).ToList();

        // A duty is open for each recipient whose registry has not acknowledged the document on any channel.
        var open = list.SelectMany(doc => doc.Deliveries.GroupBy(d => d.MunicipalityCode)
                .Where(g => g.All(d => d.Status != DeliveryStatus.Acknowledged))
                .Select(g => $"{doc.Title}: ännu inte kvitterad av {g.First().Municipality}" +
                    (g.Any(d => d.Status == DeliveryStatus.DeadLettered) ? " (leveransen misslyckades, skicka om)" : "")))
            .ToList();
        return new DistributionStatus(list, open);
    }
}

public static class DistributionStore
{
    public static void ConfigureDistribution(this StoreOptions options)
    {
        options.Projections.Snapshot<Delivery>(SnapshotLifecycle.Inline);
        options.Schema.For<Delivery>().Index(d => d.DocumentKey);
        options.Schema.For<DistributionDocument>();
        options.MaskPlainWebhookSecrets();
    }
}
