using Governance.Municipalities;
using JasperFx.Events.Projections;

namespace Governance.Distribution;

public sealed record DeliveryState(
    Guid DeliveryId,
    string MunicipalityCode,
    string Municipality,
    DeliveryChannel Channel,
    string Address,
    DeliveryStatus Status,
    int Attempts,
    string? LastError,
    DateTimeOffset? SentAt,
    DateTimeOffset? AcknowledgedAt,
    string? Diarienummer,
    int Version
);

public sealed record DocumentDistribution(
    string DocumentKey,
    string Kind,
    string Title,
    Guid? MeetingId,
    DateTimeOffset CreatedAt,
    IReadOnlyList<DeliveryState> Deliveries
);

/// <summary>
/// A page of documents, newest first, with their deliveries; the duties still open across every document (the
/// oldest <see cref="GetDistributionStatusEndpoint.MaxDutiesListed"/> listed, all counted) and the dead-lettered
/// deliveries counted.
/// </summary>
public sealed record DistributionStatus(
    IReadOnlyList<DocumentDistribution> Documents,
    IReadOnlyList<string> OpenDuties,
    int OpenDutyCount,
    int DeadLettered,
    int Page,
    int PageSize,
    bool MoreDocuments
);

public static class GetDistributionStatusEndpoint
{
    /// <summary>
    /// Ten documents, each with a delivery to every registry: the latest few are what the secretary follows, and a
    /// page of twenty (160 deliveries) took the service twice the work for the screen and the API alike.
    /// </summary>
    public const int DefaultPageSize = 10;

    public const int MaxPageSize = 100;
    public const int MaxDutiesListed = 50;

    /// <summary>Far beyond a decade of documents; past it a page number would overflow the rows passed.</summary>
    public const int MaxPage = 10_000;

    /// <summary>A page beyond <see cref="MaxPage"/> is a 400 naming `page`, not a failure.</summary>
    public static ProblemDetails Validate(int? page) =>
        page is > MaxPage
            ? Problems.InvalidField("page", $"Ange en sida från 1 till {MaxPage}.")
            : WolverineContinue.NoProblems;

    /// <summary>
    /// Per document and municipality: pending, sent, failed (with the error), dead-lettered, acknowledged, a page of
    /// documents at a time (newest first); and the duties still open.
    /// </summary>
    [Authorize]
    [WolverineGet("/api/distribution", OperationId = "GetDistributionStatus")]
    public static async Task<DistributionStatus> Get(
        string? kind,
        int? page,
        int? pageSize,
        IQuerySession session,
        CancellationToken ct
    )
    {
        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
        var number = Math.Clamp(page ?? 1, 1, MaxPage);
        // The page with its deliveries, the names and the duties in one round trip.
        var batch = session.CreateBatchQuery();
        var ofPage = batch.AddItem(new DistributionPageQuery(kind, number, size));
        var named = MunicipalityNames.Load(batch);
        var pending = OpenDuties.Load(batch, MaxDutiesListed);
        var deadLettered = OpenDuties.DeadLettered(batch);
        await batch.Execute(ct);
        var shown = await ofPage;
        var names = await named;
        var list = shown
            .Page.Select(doc =>
                doc with
                {
                    Deliveries =
                    [
                        .. doc
                            .Deliveries.Select(d => d with { Municipality = names.NameOr(d.MunicipalityCode) })
                            .OrderBy(d => d.Municipality, StringComparer.Ordinal),
                    ],
                }
            )
            .ToList();

        var open = await pending;
        var dead = await deadLettered;
        return new DistributionStatus(
            list,
            [.. open.Listed.Select(d => d.Describe(names))],
            open.Count,
            dead,
            number,
            size,
            shown.More
        );
    }
}

public static class DistributionStore
{
    public static void ConfigureDistribution(this StoreOptions options)
    {
        options.Projections.Snapshot<Delivery>(SnapshotLifecycle.Inline);
        // Columns of their own, indexed: the open duties are found among the deliveries not acknowledged, the oldest
        // first.
        options
            .Schema.For<Delivery>()
            .Duplicate(d => d.DocumentKey)
            .Duplicate(d => d.MunicipalityCode)
            .Duplicate(d => d.Status)
            .Duplicate(d => d.RequestedAt, configure: Delivery.OldestOpen);
        // Newest first, by a column of its own; what a page lists has columns too (see DistributionDocument).
        options.Schema.For<DistributionDocument>().Duplicate(d => d.CreatedAt);
        options.MaskPlainWebhookSecrets();
    }
}
