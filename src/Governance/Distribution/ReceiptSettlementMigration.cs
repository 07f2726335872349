using JasperFx;
using JasperFx.CommandLine;
using Microsoft.Extensions.Hosting;

namespace Governance.Distribution;

/// <summary>
/// Once, after upgrading from a version in which a receipt settled only its own channel: each delivery still open
/// whose document the same registry acknowledged on another channel records that receipt
/// (<see cref="ReceiptOnOtherChannelAcknowledged"/>, with its diarienummer, who and when), as a receipt does now.
/// Running it again finds nothing to do.
/// </summary>
public static class ReceiptSettlementMigration
{
    /// <summary>Acknowledged deliveries whose document is still open to the same registry on another channel.</summary>
    private const string Unsettled =
        "select a.data from governance.mt_doc_delivery a where a.status = 'Acknowledged' and exists (select 1 "
        + "from governance.mt_doc_delivery o where o.document_key = a.document_key "
        + "and o.municipality_code = a.municipality_code and o.status <> 'Acknowledged')";

    public static async Task<int> RunAsync(IDocumentStore store, CancellationToken ct)
    {
        IReadOnlyList<Delivery> acknowledged;
        await using (var query = store.QuerySession())
            acknowledged = await query.QueryAsync<Delivery>(Unsettled, ct);
        var settled = 0;
        foreach (var delivery in acknowledged)
        {
            await using var session = store.LightweightSession();
            var receipt = (await session.Events.FetchStreamAsync(delivery.Id, token: ct))
                .Select(e => e.Data)
                .OfType<ReceiptAcknowledged>()
                .LastOrDefault();
            // Settled by another channel's receipt, it has none of its own: that one is found from its own delivery.
            if (receipt is null)
                continue;
            settled += await ReceiptOnOtherChannels.RecordAsync(session, delivery, receipt, ct);
            await session.SaveChangesAsync(ct);
        }
        return settled;
    }
}

[Description(
    "Records receipts acknowledged on one channel by earlier versions on the same document's other channels",
    Name = "settle-receipts"
)]
public sealed class SettleReceiptsCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = input.BuildHost();
        var settled = await ReceiptSettlementMigration.RunAsync(
            host.Services.GetRequiredService<IDocumentStore>(),
            CancellationToken.None
        );
        Console.WriteLine(
            settled == 0
                ? "Every receipt is recorded on the document's other channels: nothing to do."
                : $"{settled} deliveries recorded as acknowledged on another channel."
        );
        return true;
    }
}
