using System.Text.Json;
using Governance.Distribution;
using Governance.Municipalities;
using Governance.Tests.Support;

namespace Governance.Tests.Distribution;

/// <summary>
/// A registry that receives by e-mail and by webhook acknowledges a document once: the receipt settles the other
/// channel's delivery too, which is then neither open, nor a duty, nor sent again.
/// </summary>
public class ReceiptOnEveryChannelHttpTests(AppFixture fixture) : DistributionScenario(fixture)
{
    [Fact]
    public async Task a_receipt_on_the_webhook_settles_the_same_document_sent_by_email()
    {
        await using var receiver = await TestWebhookReceiver.StartAsync();
        Smtp.Start();
        await GivenSodertornWithAllRepresentatives();
        await GivenNykvarnByWebhook(receiver.Url, "nykvarns-delade-hemlighet", email: true);
        await ApprovedMinutes();
        var sent = await WaitFor(s =>
            s.Documents.Any(d => d.Deliveries.Count == 9 && d.Deliveries.All(x => x.Status == DeliveryStatus.Sent))
        );
        var deliveries = sent.Documents.Single().Deliveries.Where(d => d.MunicipalityCode == "0140").ToList();
        var byWebhook = deliveries.Single(d => d.Channel == DeliveryChannel.Webhook);
        var byEmail = deliveries.Single(d => d.Channel == DeliveryChannel.Email);

        var registry = Fixture.TokenFor("Registrator Nykvarn", "registry", "0140");
        await Post(
            $"/api/distribution/{byWebhook.DeliveryId}/acknowledgement",
            new { diarienummer = "KS 2020/0417", version = byWebhook.Version },
            registry,
            200
        );

        var final = await Get<DistributionStatus>("/api/distribution", SecretaryToken);
        var email = final.Documents.Single().Deliveries.Single(d => d.DeliveryId == byEmail.DeliveryId);
        Assert.Equal((DeliveryStatus.Acknowledged, "KS 2020/0417"), (email.Status, email.Diarienummer));
        Assert.DoesNotContain(final.OpenDuties, d => d.Contains("Nykvarn", StringComparison.Ordinal));
        Assert.Equal(7, final.OpenDutyCount);
        Assert.Equal(
            0L,
            await Scalar<long>(
                "select count(*) from governance.mt_doc_delivery where status <> 'Acknowledged' "
                    + "and municipality_code = '0140'"
            )
        );

        await using var session = Store.QuerySession();
        var settled = (await session.Events.FetchStreamAsync(byEmail.DeliveryId))[^1].Data;
        var recorded = Assert.IsType<ReceiptOnOtherChannelAcknowledged>(settled);
        Assert.Equal(
            (byWebhook.DeliveryId, "Registrator Nykvarn"),
            (recorded.AcknowledgedDeliveryId, recorded.AcknowledgedBy)
        );

        // Acknowledged already: the e-mail's own receipt is refused, the first one stands.
        await Post(
            $"/api/distribution/{byEmail.DeliveryId}/acknowledgement",
            new { diarienummer = "KS 2020/0418", version = email.Version },
            registry,
            409
        );
    }
}
