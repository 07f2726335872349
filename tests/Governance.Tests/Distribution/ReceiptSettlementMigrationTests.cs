using Governance.Distribution;
using Governance.Tests.Support;

namespace Governance.Tests.Distribution;

/// <summary>
/// After upgrading from a version whose receipts settled only their own channel, `settle-receipts` records each such
/// receipt on the document's other channel, once.
/// </summary>
public sealed class ReceiptSettlementMigrationTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly DateTimeOffset At = new(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static object[] Sent(Guid id, string document, string code, DeliveryChannel channel, string address) =>
        [
            new DeliveryRequested(id, document, "minutes", "Minnesanteckningar", code, channel, address, At),
            new DeliverySent(id, 1, At.AddMinutes(1)),
        ];

    [Fact]
    public async Task a_receipt_recorded_on_one_channel_only_is_recorded_on_the_other_once()
    {
        const string document = "minutes:2024-02-28";
        var byEmail = Delivery.IdFor(document, "0140", DeliveryChannel.Email);
        var byWebhook = Delivery.IdFor(document, "0140", DeliveryChannel.Webhook);
        var alone = Delivery.IdFor(document, "0128", DeliveryChannel.Email);
        await using (var session = Store.LightweightSession())
        {
            session.Events.StartStream<Delivery>(
                byEmail,
                Sent(byEmail, document, "0140", DeliveryChannel.Email, "r@nykvarn.se")
            );
            session.Events.StartStream<Delivery>(
                byWebhook,
                [
                    .. Sent(byWebhook, document, "0140", DeliveryChannel.Webhook, "https://diarium.nykvarn.se/inkorg"),
                    new ReceiptAcknowledged(byWebhook, "KS 2024/0101", "Registrator Nykvarn", At.AddHours(2)),
                ]
            );
            session.Events.StartStream<Delivery>(
                alone,
                Sent(alone, document, "0128", DeliveryChannel.Email, "r@salem.se")
            );
            await session.SaveChangesAsync();
        }

        Assert.Equal(1, await ReceiptSettlementMigration.RunAsync(Store, CancellationToken.None));

        await using (var session = Store.QuerySession())
        {
            var email = (await session.LoadAsync<Delivery>(byEmail))!;
            Assert.Equal((DeliveryStatus.Acknowledged, "KS 2024/0101"), (email.Status, email.Diarienummer));
            var settled = Assert.IsType<ReceiptOnOtherChannelAcknowledged>(
                (await session.Events.FetchStreamAsync(byEmail))[^1].Data
            );
            Assert.Equal(
                (byWebhook, "Registrator Nykvarn", At.AddHours(2)),
                (settled.AcknowledgedDeliveryId, settled.AcknowledgedBy, settled.AcknowledgedAt)
            );
            Assert.Equal(DeliveryStatus.Sent, (await session.LoadAsync<Delivery>(alone))!.Status);
        }
        Assert.Equal(0, await ReceiptSettlementMigration.RunAsync(Store, CancellationToken.None));
    }
}
