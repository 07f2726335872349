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

    private static Delivery Stored(
        string document,
        string municipality,
        DeliveryChannel channel,
        DeliveryStatus status
    ) =>
        new()
        {
            Id = Delivery.IdFor(document, municipality, channel),
            DocumentKey = document,
            Title = $"Minnesanteckningar {document}",
            MunicipalityCode = municipality,
            Channel = channel,
            Status = status,
            RequestedAt = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(
                document.GetHashCode() % 1000
            ),
        };

    [Fact]
    public async Task open_duties_are_counted_and_listed_without_reading_the_acknowledged_archive()
    {
        string[] municipalities = ["0126", "0127", "0128", "0136"];
        var deliveries = new List<Delivery>();
        for (var n = 0; n < Archived / municipalities.Length; n++)
            deliveries.AddRange(
                municipalities.Select(m =>
                    Stored($"arkiv-{n:D5}", m, DeliveryChannel.Email, DeliveryStatus.Acknowledged)
                )
            );
        // Open documents: e-mailed and not acknowledged; every third also sent by webhook and acknowledged there,
        // which settles it; every fifth of the rest has failed for good.
        for (var n = 0; n < OpenDocuments; n++)
        {
            var key = $"oppen-{n:D5}";
            var status = n % 5 == 0 ? DeliveryStatus.DeadLettered : DeliveryStatus.Sent;
            deliveries.Add(Stored(key, "0127", DeliveryChannel.Email, status));
            if (n % 3 == 0)
                deliveries.Add(Stored(key, "0127", DeliveryChannel.Webhook, DeliveryStatus.Acknowledged));
        }
        await Store.BulkInsertDocumentsAsync(deliveries);
        await QueryPlans.AnalyzeAsync(Fixture.ConnectionString);

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
        Assert.Equal(5, listed.Listed.Count);
        Assert.All(listed.Listed, d => Assert.False(int.Parse(d.DocumentKey[6..]) % 3 == 0, d.DocumentKey));

        var captured = queries.Take();
        Assert.Equal(2, captured.Count);
        foreach (var query in captured)
        {
            var read = await QueryPlans.RowsReadAsync(Fixture.ConnectionString, query, "mt_doc_delivery");
            // Up to the bound's open deliveries, and for each one a look-up of its acknowledgement.
            Assert.True(read <= 4 * (OpenDuties.MaxCounted + 1) * 2, $"{read} rows read: {query.Sql}");
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
        var dead = Enumerable.Range(0, OpenDocuments).Count(n => n % 5 == 0);
        Assert.Contains($"{dead} utskick misslyckades och behöver skickas om.", duties, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_document_acknowledged_on_one_channel_is_no_duty_on_the_other()
    {
        await Store.BulkInsertDocumentsAsync(
            new[]
            {
                Stored("kallelse-1", "0127", DeliveryChannel.Email, DeliveryStatus.Sent),
                Stored("kallelse-1", "0127", DeliveryChannel.Webhook, DeliveryStatus.Acknowledged),
                Stored("kallelse-1", "0128", DeliveryChannel.Email, DeliveryStatus.Sent),
                Stored("kallelse-2", "0127", DeliveryChannel.Email, DeliveryStatus.Acknowledged),
            }
        );
        await using var session = Store.QuerySession();
        var batch = session.CreateBatchQuery();
        var count = OpenDuties.Count(batch);
        var load = OpenDuties.Load(batch, 5);
        await batch.Execute();

        Assert.Equal(1, await count);
        var duty = Assert.Single((await load).Listed);
        Assert.Equal(("kallelse-1", "0128"), (duty.DocumentKey, duty.MunicipalityCode));
        Assert.Equal(1, (await load).Count);
    }
}
