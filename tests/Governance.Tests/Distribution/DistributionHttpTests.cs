using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Alba;
using Governance.Distribution;
using Governance.Municipalities;
using Governance.Tests.Support;

namespace Governance.Tests.Distribution;

public class DistributionHttpTests(AppFixture fixture) : DistributionScenario(fixture)
{
    [Fact]
    public async Task approved_minutes_reach_every_member_registry_by_email()
    {
        Smtp.Start();
        await GivenSodertornWithAllRepresentatives();
        var meeting = await ApprovedMinutes();

        // This meeting's minutes and their mails: an earlier test's background sending may still reach the store and
        // the mail server after they were emptied.
        var status = await WaitFor(s =>
            s.Documents.Any(d =>
                d.Kind == DocumentKinds.Minutes
                && d.MeetingId == meeting
                && d.Deliveries.Count == 8
                && d.Deliveries.All(x => x.Status == DeliveryStatus.Sent)
            )
        );
        var minutes = status.Documents.Single(d => d.Kind == DocumentKinds.Minutes && d.MeetingId == meeting);
        var messageIds = minutes.Deliveries.Select(d => $"{d.DeliveryId:N}@governance").ToList();

        var mails = Smtp.Received.Where(m => m.MessageId is { } id && messageIds.Contains(id)).ToList();
        Assert.Equal(Registries.Order(), mails.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(
            mails,
            m =>
            {
                Assert.Equal("Minnesanteckningar 2020-04-23 – Södertörnskommunernas samarbetskommitté", m.Subject);
                Assert.Contains("Information om kollektivtrafikplanen", m.HtmlBody, StringComparison.Ordinal);
                Assert.Contains("http://governance.test/receipts/", m.HtmlBody, StringComparison.Ordinal);
            }
        );
        // The Message-ID is the delivery's id, one mail each: a resend would be recognisable as the same delivery.
        Assert.Equal(messageIds.Order(), mails.Select(m => m.MessageId).Order());
    }

    [Fact]
    public async Task a_notice_of_meeting_carries_the_agenda_documents_as_attachments()
    {
        Smtp.Start();
        await GivenSodertornWithAllRepresentatives();
        var meeting = await Schedule();
        var agenda = await Act(meeting, "/agenda", new { title = "Remissvar", kind = "remissvar" }, ChairToken);
        var item = agenda.GetProperty("agenda")[0].GetProperty("itemId").GetGuid();
        var pdf = "%PDF-1.4 underlag"u8.ToArray();
        Assert.True((await Upload(meeting, item, "Underlag", pdf, "underlag.pdf")).IsSuccessStatusCode);
        Version++;
        await Act(meeting, "/notice", new { }, ChairToken);

        var status = await WaitFor(s =>
            s.Documents.Any(d =>
                d.Kind == DocumentKinds.MeetingNotice
                && d.MeetingId == meeting
                && d.Deliveries.All(x => x.Status == DeliveryStatus.Sent)
                && d.Deliveries.Count == 8
            )
        );
        // The notice's own mail, by its Message-ID: an earlier test's background sending may reach the mail server.
        var notice = status.Documents.Single(d => d.Kind == DocumentKinds.MeetingNotice && d.MeetingId == meeting);
        var sent = notice.Deliveries;
        var mail = Smtp.Received.First(m => sent.Any(d => m.MessageId == $"{d.DeliveryId:N}@governance"));
        Assert.StartsWith("Kallelse: Sammanträde 2020-04-23", mail.Subject, StringComparison.Ordinal);
        var attachment = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("underlag.pdf", attachment.FileName);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.Equal(pdf, content.ToArray());
    }

    [Fact]
    public async Task pages_read_every_document_once_newest_first_each_with_its_own_deliveries()
    {
        Smtp.Start();
        await GivenSodertornWithAllRepresentatives();
        var meetings = new List<Guid>();
        for (var i = 0; i < 3; i++)
            meetings.Add(await ApprovedMinutes());
        var whole = await WaitFor(s =>
            meetings.All(m =>
                s.Documents.Any(d =>
                    d.Kind == DocumentKinds.Minutes
                    && d.MeetingId == m
                    && d.Deliveries.Count == 8
                    && d.Deliveries.All(x => x.Status == DeliveryStatus.Sent)
                )
            )
        );
        Assert.True(whole.Documents.Count >= 3, $"{whole.Documents.Count} documents");
        Assert.Equal(whole.Documents.OrderByDescending(d => d.CreatedAt).Select(d => d.DocumentKey), Keys(whole));

        foreach (var kind in new string?[] { null, DocumentKinds.Minutes })
        {
            var expected = whole.Documents.Where(d => kind is null || d.Kind == kind).ToList();
            var read = new List<DocumentDistribution>();
            for (var page = 1; ; page++)
            {
                var filter = kind is null ? "" : $"&kind={kind}";
                var status = await Get<DistributionStatus>(
                    $"/api/distribution?page={page}&pageSize=2{filter}",
                    SecretaryToken
                );
                Assert.True(status.Documents.Count <= 2);
                read.AddRange(status.Documents);
                Assert.Equal(read.Count < expected.Count, status.MoreDocuments);
                if (!status.MoreDocuments)
                    break;
            }
            Assert.Equal(expected.Select(d => d.DocumentKey), read.Select(d => d.DocumentKey));
            Assert.Equal(
                expected.Select(d => string.Join(',', d.Deliveries.Select(x => x.DeliveryId))),
                read.Select(d => string.Join(',', d.Deliveries.Select(x => x.DeliveryId)))
            );
        }
        // Each delivery as its own document records it: the municipality, the channel, the address and the version.
        var first = whole.Documents.First(d =>
            d.Kind == DocumentKinds.Minutes && meetings.Contains(d.MeetingId!.Value)
        );
        Assert.Equal(Registries.Order(), first.Deliveries.Select(d => d.Address).Order());
        Assert.All(
            first.Deliveries,
            d =>
            {
                Assert.Equal((DeliveryChannel.Email, 1, (string?)null), (d.Channel, d.Attempts, d.LastError));
                Assert.NotEqual(d.MunicipalityCode, d.Municipality);
                Assert.True(d.Version >= 2 && d.SentAt is not null, $"version {d.Version}, sent {d.SentAt}");
            }
        );
    }

    private static IEnumerable<string> Keys(DistributionStatus status) => status.Documents.Select(d => d.DocumentKey);

    [Fact]
    public async Task a_page_beyond_the_bound_is_refused_on_page_and_the_last_one_is_read()
    {
        var last = await Get<DistributionStatus>(
            $"/api/distribution?page={GetDistributionStatusEndpoint.MaxPage}&pageSize=100",
            SecretaryToken
        );
        Assert.Equal((GetDistributionStatusEndpoint.MaxPage, 0), (last.Page, last.Documents.Count));
        // int.MaxValue would have overflowed the rows passed into a negative offset.
        foreach (var page in new[] { GetDistributionStatusEndpoint.MaxPage + 1, int.MaxValue })
        {
            var refused = await Host.Scenario(s =>
            {
                s.Get.Url($"/api/distribution?page={page}&pageSize=100");
                s.WithBearerToken(SecretaryToken);
                s.StatusCodeShouldBe(400);
            });
            var errors = refused.ReadAsJson<JsonElement>().GetProperty("errors");
            Assert.Equal("Ange en sida från 1 till 10000.", errors.GetProperty("page")[0].GetString());
        }
        await Host.Scenario(s =>
        {
            s.Get.Url($"/utskick?sida={int.MaxValue}");
            s.WithBearerToken(SecretaryToken);
            s.StatusCodeShouldBe(200);
        });
    }

    [Fact]
    public async Task a_webhook_delivery_is_signed_so_the_registry_can_verify_it()
    {
        await using var receiver = await TestWebhookReceiver.StartAsync();
        await GivenSodertornWithAllRepresentatives();
        // verifiers refuse timestamps more than five minutes from their own clock
        Fixture.Clock.Set(DateTimeOffset.UtcNow);
        const string secret = "nykvarns-delade-hemlighet";
        await GivenNykvarnByWebhook(receiver.Url, secret);
        // A meeting held today: the delivery's timestamp is now, as the verifier's clock is.
        var today = Governance
            .Infrastructure.Time.StockholmTime.Today(Fixture.Clock)
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var meeting = await Schedule(date: today);
        await Act(
            meeting,
            "/agenda",
            new { title = "Information om kollektivtrafikplanen", kind = "information" },
            ChairToken
        );
        await Act(meeting, "/close", new { at = "15:00" }, SecretaryToken);
        await Act(meeting, "/minutes/approval", new { }, ChairToken);

        var status = await WaitFor(s =>
            s.Documents.Any(d =>
                d.Deliveries.Any(x => x.Channel == DeliveryChannel.Webhook && x.Status == DeliveryStatus.Sent)
            )
        );
        var delivery = status.Documents.Single().Deliveries.Single(d => d.MunicipalityCode == "0140");
        var call = Assert.Single(receiver.Calls);
        Assert.Equal(delivery.DeliveryId.ToString(), call.Headers["Idempotency-Key"]);
        var timestamp = call.Headers["X-Governance-Timestamp"];
        var expected =
            "v1="
            + Convert.ToHexStringLower(
                HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{call.Body}"))
            );
        Assert.Equal(expected, call.Headers["X-Governance-Signature"]);

        // An independent implementation of Standard Webhooks accepts the delivery, and refuses it tampered with.
        var headers = new Microsoft.AspNetCore.Http.HeaderDictionary(
            call.Headers.ToDictionary(h => h.Key, h => new Microsoft.Extensions.Primitives.StringValues(h.Value))
        );
        var verifier = new StandardWebhooks.StandardWebhook(
            Governance.Distribution.WebhookSignature.AsStandardSecret(secret)
        );
        verifier.Verify(call.Body, headers);
        Assert.Equal(delivery.DeliveryId.ToString(), call.Headers["webhook-id"]);
        Assert.ThrowsAny<Exception>(() =>
            verifier.Verify(call.Body.Replace("minutes", "minutez", StringComparison.Ordinal), headers)
        );
        using var json = JsonDocument.Parse(call.Body);
        Assert.Equal("minutes", json.RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task with_the_mail_server_down_deliveries_are_retried_and_each_registry_gets_one_copy_when_it_is_back()
    {
        await GivenSodertornWithAllRepresentatives();
        await ApprovedMinutes();
        var failed = await WaitFor(s =>
            s.Documents.Any(d => d.Deliveries.Count == 8 && d.Deliveries.All(x => x.Status == DeliveryStatus.Failed))
        );
        Assert.All(failed.Documents.Single().Deliveries, d => Assert.False(string.IsNullOrEmpty(d.LastError)));

        Smtp.Start();
        await WaitFor(s => s.Documents.Single().Deliveries.All(x => x.Status == DeliveryStatus.Sent));
        await Task.Delay(3000); // any retry still scheduled finds the delivery sent and does nothing
        Assert.Equal(Registries.Order(), Smtp.Received.Select(m => m.To.Mailboxes.Single().Address).Order());
    }

    [Fact]
    public async Task a_dead_lettered_delivery_is_resent_by_the_secretary_and_acknowledged_with_a_diarienummer()
    {
        await GivenSodertornWithAllRepresentatives();
        await ApprovedMinutes();
        var dead = await WaitFor(s =>
            s.Documents.Any(d =>
                d.Deliveries.Count == 8 && d.Deliveries.All(x => x.Status == DeliveryStatus.DeadLettered)
            )
        );
        Assert.Contains(
            dead.OpenDuties,
            d => d.Contains("Nykvarn", StringComparison.Ordinal) && d.Contains("skicka om", StringComparison.Ordinal)
        );
        var nykvarn = dead.Documents.Single().Deliveries.Single(d => d.MunicipalityCode == "0140");
        Assert.Equal(4, nykvarn.Attempts);

        Smtp.Start();
        await Post(
            $"/api/distribution/{nykvarn.DeliveryId}/resend",
            new { version = nykvarn.Version },
            MemberToken,
            403
        );
        await Post(
            $"/api/distribution/{nykvarn.DeliveryId}/resend",
            new { version = nykvarn.Version },
            SecretaryToken,
            200
        );
        var sent = await WaitFor(s =>
            s.Documents.Single().Deliveries.Single(d => d.MunicipalityCode == "0140").Status == DeliveryStatus.Sent
        );
        Assert.Equal("registrator@nykvarn.se", Assert.Single(Smtp.Received).To.Mailboxes.Single().Address);

        var delivered = sent.Documents.Single().Deliveries.Single(d => d.MunicipalityCode == "0140");
        var registry = Fixture.TokenFor("Registrator Nykvarn", "registry", "0140");
        await Post(
            $"/api/distribution/{delivered.DeliveryId}/acknowledgement",
            new { diarienummer = "X 1", version = delivered.Version },
            Fixture.TokenFor("Registrator Salem", "registry", "0128"),
            403
        );
        await Post(
            $"/api/distribution/{delivered.DeliveryId}/acknowledgement",
            new { diarienummer = "KS 2020/0417", version = delivered.Version },
            registry,
            200
        );
        await Post(
            $"/api/distribution/{delivered.DeliveryId}/acknowledgement",
            new { diarienummer = "KS 2020/0418", version = delivered.Version + 1 },
            registry,
            409
        );

        var final = await Get<DistributionStatus>("/api/distribution", MemberToken);
        var acknowledged = final.Documents.Single().Deliveries.Single(d => d.MunicipalityCode == "0140");
        Assert.Equal((DeliveryStatus.Acknowledged, "KS 2020/0417"), (acknowledged.Status, acknowledged.Diarienummer));
        Assert.DoesNotContain(final.OpenDuties, d => d.Contains("Nykvarn", StringComparison.Ordinal));
        Assert.Equal(7, final.OpenDuties.Count);
    }

    [Fact]
    public async Task the_signed_link_in_the_mail_lets_the_registrar_acknowledge_and_nothing_else()
    {
        Smtp.Start();
        await GivenSodertornWithAllRepresentatives();
        await ApprovedMinutes();
        await WaitFor(s =>
            s.Documents.Any(d => d.Deliveries.Count == 8 && d.Deliveries.All(x => x.Status == DeliveryStatus.Sent))
        );
        var mail = Smtp.Received.First(m => m.To.Mailboxes.Single().Address == "registrator@salem.se");
        var link = System
            .Text.RegularExpressions.Regex.Match(mail.HtmlBody!, "http://governance.test(/receipts/[^\"]+)")
            .Groups[1]
            .Value.Replace("&amp;", "&", StringComparison.Ordinal);

        var page = await Host.Scenario(s => s.Get.Url(link));
        Assert.Contains("Diarienummer", page.ReadAsText(), StringComparison.Ordinal);
        await Host.Scenario(s =>
        {
            s.Get.Url(link[..^4] + "0000");
            s.StatusCodeShouldBe(404);
        });
        await Host.Scenario(s =>
        {
            var (path, signature) = (link.Split('?')[0], link.Split("sig=")[1]);
            s.Post.FormData(new Dictionary<string, string> { ["diarienummer"] = "SALEM 2020.112" })
                .ToUrl(path)
                .QueryString("sig", signature);
            s.StatusCodeShouldBeOk();
        });
        var status = await Get<DistributionStatus>("/api/distribution", SecretaryToken);
        Assert.Equal(
            "SALEM 2020.112",
            status.Documents.Single().Deliveries.Single(d => d.MunicipalityCode == "0128").Diarienummer
        );
    }

    [Fact]
    public async Task a_termination_notice_reaches_the_other_parties_and_their_informing_is_recorded()
    {
        Smtp.Start();
        await GivenSodertornWithAllRepresentatives();
        await Post(
            "/api/agreement/termination-notices",
            new
            {
                municipalityCode = "0140",
                councilDecisionOn = "2020-02-17",
                councilDecisionReference = "KF 2020-02-17 §12",
                receivedOn = "2020-03-02",
                version = 1,
            },
            SecretaryToken,
            200
        );

        await WaitFor(s =>
            s.Documents.Any(d =>
                d.Kind == DocumentKinds.TerminationNotice
                && d.Deliveries.Count == 7
                && d.Deliveries.All(x => x.Status == DeliveryStatus.Sent)
            )
        );
        Assert.DoesNotContain(Smtp.Received, m => m.To.Mailboxes.Single().Address == "registrator@nykvarn.se");
        Assert.Contains("utträder ur avtalet den 2021-04-01", Smtp.Received.First().HtmlBody, StringComparison.Ordinal);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        Governance.Agreement.PartyState nykvarn;
        do
        {
            await Task.Delay(200);
            nykvarn = (
                await Get<Governance.Agreement.AgreementState>("/api/agreement?asOf=2020-03-31", MemberToken)
            ).Parties.Single(p => p.Code == "0140");
        } while (nykvarn.PartiesToInform.Any(p => !p.Informed) && DateTime.UtcNow < deadline);
        Assert.All(nykvarn.PartiesToInform, p => Assert.Equal(new DateOnly(2020, 3, 2), p.InformedOn));
    }
}
