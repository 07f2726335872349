namespace Governance.Distribution;

/// <summary>
/// A receipt settles the document for its registry on every channel: the same document's deliveries to the same
/// municipality on the other channels are recorded as acknowledged by it, in the same transaction, so none is tried
/// again, resent or listed as a duty (and the deliveries still open stay only those that are).
/// </summary>
public static class ReceiptOnOtherChannels
{
    /// <summary>The ids the same document's deliveries to the same municipality have on the other channels.</summary>
    public static Guid[] IdsBeside(Delivery delivery) =>
        [
            .. Enum.GetValues<DeliveryChannel>()
                .Where(c => c != delivery.Channel)
                .Select(c => Delivery.IdFor(delivery.DocumentKey, delivery.MunicipalityCode, c)),
        ];

    /// <summary>What the receipt records on one such delivery: nothing when it is acknowledged already.</summary>
    public static ReceiptOnOtherChannelAcknowledged? Settling(Delivery other, ReceiptAcknowledged receipt) =>
        other.Status == DeliveryStatus.Acknowledged
            ? null
            : new(other.Id, receipt.DeliveryId, receipt.Diarienummer, receipt.AcknowledgedBy, receipt.AcknowledgedAt);

    /// <summary>
    /// Appends the settling events to the other channels' deliveries, each at the version read (a receipt racing on
    /// another channel is refused as stale, not recorded twice); how many it settles.
    /// </summary>
    public static async Task<int> RecordAsync(
        IDocumentSession session,
        Delivery acknowledged,
        ReceiptAcknowledged receipt,
        CancellationToken ct
    )
    {
        var settled = 0;
        foreach (var other in await session.LoadManyAsync<Delivery>(ct, IdsBeside(acknowledged)))
            if (Settling(other, receipt) is { } settling)
            {
                session.Events.Append(other.Id, other.Version + 1, settling);
                settled++;
            }
        return settled;
    }
}
