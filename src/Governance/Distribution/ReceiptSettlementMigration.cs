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
    /// <summary>Open deliveries with the acknowledged delivery of the same document and registry.</summary>
    private const string Unsettled =
        "select jsonb_build_object('Open', o.id, 'Acknowledged', a.id) "
        + "from governance.mt_doc_delivery o join governance.mt_doc_delivery a "
        + "on a.document_key = o.document_key and a.municipality_code = o.municipality_code "
        + "and a.status = 'Acknowledged' where o.status <> 'Acknowledged'";

    public static async Task<int> RunAsync(IDocumentStore store, CancellationToken ct)
    {
        IReadOnlyList<Pair> pairs;
        await using (var query = store.QuerySession())
            pairs = await query.QueryAsync<Pair>(Unsettled, ct);
        var settled = 0;
        foreach (var (open, acknowledged) in pairs)
        {
            await using var session = store.LightweightSession();
            var receipt = (await session.Events.FetchStreamAsync(acknowledged, token: ct))
                .Select(e => e.Data)
                .OfType<ReceiptAcknowledged>()
                .LastOrDefault();
            var stream = await session.Events.FetchForWriting<Delivery>(open, ct);
            if (receipt is null || stream.Aggregate is not { } delivery)
                continue;
            if (ReceiptOnOtherChannels.Settling(delivery, receipt) is { } settling)
            {
                stream.AppendOne(settling);
                await session.SaveChangesAsync(ct);
                settled++;
            }
        }
        return settled;
    }

    private sealed record Pair(Guid Open, Guid Acknowledged);
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
