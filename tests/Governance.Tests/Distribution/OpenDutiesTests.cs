using Alba;
using Governance.Distribution;
using Governance.Tests.Operations;
using Governance.Tests.Support;

namespace Governance.Tests.Distribution;

/// <summary>
/// The open duties (documents a registry has not acknowledged on any channel) are found among the open deliveries
/// only: an archive of acknowledged deliveries, which grows with every document ever sent, is never read to find them.
/// </summary>
public sealed class OpenDutiesTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const int Archived = 3_000;
    private const int OpenDocuments = 300;

    private static readonly DateTimeOffset Start = new(2024, 1, 1, 8, 0, 0, TimeSpan.Zero);

    private static Delivery Stored(
        string document,
        string municipality,
        DeliveryChannel channel,
        DeliveryStatus status,
        DateTimeOffset requestedAt
    ) =>
        new()
        {
            Id = Delivery.IdFor(document, municipality, channel),
            DocumentKey = document,
            Title = $"Minnesanteckningar {document}",
            MunicipalityCode = municipality,
            Channel = channel,
            Status = status,
            RequestedAt = requestedAt,
        };

    [Fact]
    public async Task open_duties_are_counted_and_listed_without_reading_the_acknowledged_archive()
    {
        string[] municipalities = ["0126", "0127", "0128", "0136"];
        var deliveries = new List<Delivery>();
        for (var n = 0; n < Archived / municipalities.Length; n++)
            deliveries.AddRange(
                municipalities.Select(m =>
                    Stored($"arkiv-{n:D5}", m, DeliveryChannel.Email, DeliveryStatus.Acknowledged, Start.AddDays(-n))
                )
            );
        // Documents e-mailed and by webhook, the later the smaller their number (so the oldest are not the first by
        // key): every third acknowledged on one channel, which settled the other; every fifth of the rest has failed
        // for good on the webhook.
        for (var n = 0; n < OpenDocuments; n++)
        {
            var key = $"oppen-{n:D5}";
            var requested = Start.AddMinutes(OpenDocuments - n);
            var (email, webhook) = n % 3 == 0
                ? (DeliveryStatus.Acknowledged, DeliveryStatus.Acknowledged)
                : (DeliveryStatus.Sent, n % 5 == 0 ? DeliveryStatus.DeadLettered : DeliveryStatus.Sent);
            deliveries.Add(Stored(key, "0127", DeliveryChannel.Email, email, requested));
            deliveries.Add(Stored(key, "0127", DeliveryChannel.Webhook, webhook, requested));
        }
        await Store.BulkInsertDocumentsAsync(deliveries);
        await QueryPlans.AnalyzeAsync(Fixture.ConnectionString, vacuumed: "governance.mt_doc_delivery");

        var queries = new CapturedQueries { Capturing = true };
        OpenDuties.Found listed;
        int counted;
        await using (var session = Store.QuerySession())
        {
            session.Logger = queries;
            var batch = session.CreateBatchQuery();
            var count = OpenDuties.Count(batch);
            var load = OpenDuties.Load(batch, 5);
            await batch.Execute();
            (counted, listed) = (await count, await load);
        }

        var open = Enumerable.Range(0, OpenDocuments).Count(n => n % 3 != 0);
        Assert.True(open > OpenDuties.MaxCounted);
        Assert.Equal(OpenDuties.MaxCounted + 1, counted);
        Assert.True(listed.CountIsLowerBound);
        // The oldest first, one for each document: the last numbered of those not settled.
        var oldest = Enumerable.Range(0, OpenDocuments).Reverse().Where(n => n % 3 != 0).Take(5);
        Assert.Equal([.. oldest.Select(n => $"oppen-{n:D5}")], listed.Listed.Select(d => d.DocumentKey));
        Assert.Equal([.. oldest.Select(n => n % 5 == 0)], listed.Listed.Select(d => d.DeadLettered));

        var captured = queries.Take();
        Assert.Equal(3, captured.Count);
        foreach (var query in captured)
        {
            var read = await QueryPlans.RowsReadAsync(Fixture.ConnectionString, query, "mt_doc_delivery");
            // Up to the bound's open deliveries on both channels, and for each one listed its own deliveries.
            Assert.True(read <= 4 * (OpenDuties.MaxCounted + 1), $"{read} rows read: {query.Sql}");
        }

        // The secretary's overview says how many, as counted.
        var overview = await Host.Scenario(s =>
        {
            s.Get.Url("/");
            s.WithRequestHeader("Authorization", $"Bearer {SecretaryToken}");
        });
        var duties = overview.ReadAsText();
        Assert.Contains(
            "Fler än 100 utskick är inte kvitterade av kommunernas registratur.",
            duties,
            StringComparison.Ordinal
        );
        var dead = Enumerable.Range(0, OpenDocuments).Count(n => n % 3 != 0 && n % 5 == 0);
        Assert.Contains($"{dead} utskick misslyckades och behöver skickas om.", duties, StringComparison.Ordinal);
    }

    [Fact]
    public async Task each_document_is_one_duty_for_each_registry_oldest_first_failed_on_either_channel()
    {
        await Store.BulkInsertDocumentsAsync(
            new[]
            {
                Stored("kallelse-2", "0127", DeliveryChannel.Email, DeliveryStatus.Sent, Start.AddDays(1)),
                Stored("kallelse-2", "0127", DeliveryChannel.Webhook, DeliveryStatus.DeadLettered, Start.AddDays(1)),
                Stored("kallelse-1", "0128", DeliveryChannel.Email, DeliveryStatus.Failed, Start),
                Stored("kallelse-1", "0127", DeliveryChannel.Email, DeliveryStatus.Sent, Start),
                Stored("kallelse-1", "0127", DeliveryChannel.Webhook, DeliveryStatus.Sent, Start),
                Stored("kallelse-0", "0127", DeliveryChannel.Email, DeliveryStatus.Acknowledged, Start.AddDays(-1)),
                Stored("kallelse-0", "0127", DeliveryChannel.Webhook, DeliveryStatus.Acknowledged, Start.AddDays(-1)),
            }
        );
        await using var session = Store.QuerySession();
        var batch = session.CreateBatchQuery();
        var count = OpenDuties.Count(batch);
        var load = OpenDuties.Load(batch, 5);
        var firstTwo = OpenDuties.Load(batch, 2);
        await batch.Execute();

        Assert.Equal(3, await count);
        var found = await load;
        Assert.Equal(3, found.Count);
        Assert.Equal(
            [("kallelse-1", "0127", false), ("kallelse-1", "0128", false), ("kallelse-2", "0127", true)],
            found.Listed.Select(d => (d.DocumentKey, d.MunicipalityCode, d.DeadLettered))
        );
        // Two listed: four deliveries read, the last of them the next duty's first.
        Assert.Equal(
            [("kallelse-1", "0127"), ("kallelse-1", "0128")],
            (await firstTwo).Listed.Select(d => (d.DocumentKey, d.MunicipalityCode))
        );
        Assert.Equal(3, (await firstTwo).Count);
    }
}
