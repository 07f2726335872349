using System.Net;
using System.Security.Cryptography;
using Governance.Meetings;
using Governance.Scenarios;
using Governance.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Tests.Operations;

/// <summary>
/// A stored file goes to its client as PostgreSQL reads it, on real Kestrel: whole and as stored, while the service
/// holds no more of it than a buffer. Each download holds a database connection until its client has it all, so the
/// downloads at once are bounded: beyond them one waits its turn, beyond the queue it is refused (429, Retry-After).
/// Alone, because it counts what the whole process allocates.
/// </summary>
[Collection(Telemetry.AloneCollection.Name)]
public sealed class FileDownloadTests
{
    private static readonly TestClock Clock = new(new DateTimeOffset(2020, 9, 1, 9, 0, 0, TimeSpan.FromHours(2)));

    [Fact]
    public async Task a_file_is_sent_whole_and_a_download_beyond_the_ones_at_once_is_refused_until_one_ends()
    {
        using var smtp = new TestSmtpServer();
        smtp.Start();
        var database = await TestDatabase.FreshDatabaseAsync("governance_file_download_tests");
        await using var host = await ServiceHost.StartAsync(
            Clock,
            database,
            smtp,
            new Dictionary<string, string?>
            {
                ["Governance:ApplySchemaOnStart"] = "true",
                ["RateLimits:Enabled"] = "true",
                ["RateLimits:Files:Concurrent"] = "1",
                ["RateLimits:Files:Queued"] = "0",
            }
        );
        // Larger than what the loopback socket and Kestrel buffer: an unread download is still being sent.
        var content = RandomNumberGenerator.GetBytes(24 * 1024 * 1024);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        // Attached as the screens attach it: PostgreSQL writes the stored document, which Marten reads as its own.
        var meeting = await MeetingRecorder.ScheduleAsync(
            new ScenarioApi(host.Service.Client, RunningService.Tokens),
            "committee",
            "ordinary",
            new DateOnly(2020, 10, 15),
            "13:00",
            "16:00",
            "0126",
            "Huddinge kommunhus",
            default
        );
        var item = await meeting.PutOnAgendaAsync("Budget 2021", "övrigt");
        await meeting.AttachAsync(item, "Budgetunderlag", "underlag.pdf", content);
        await using (var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            var stored = await session.LoadAsync<StoredDocument>(sha256);
            Assert.Equal(("application/pdf", content.LongLength), (stored!.ContentType, stored.Size));
            Assert.Equal(content, stored.Content);
        }
        var url = $"/api/documents/{sha256}";

        using var first = await host.Service.GetAsSecretaryAsync(url, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(content.Length, first.Content.Headers.ContentLength);
        Assert.Equal("application/pdf", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"handling-{sha256[..12]}.pdf", first.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", first.Headers.GetValues("X-Content-Type-Options").Single());

        using (var refused = await host.Service.GetAsSecretaryAsync(url))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("5", refused.Headers.GetValues("Retry-After").Single());
        }

        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(await first.Content.ReadAsByteArrayAsync())));
        first.Dispose();
        // The permit is given back as the request ends on the server, a moment after the client has the last byte.
        var next = await host.Service.GetAsSecretaryAsync(url);
        for (var attempt = 0; next.StatusCode == HttpStatusCode.TooManyRequests && attempt < 50; attempt++)
        {
            next.Dispose();
            await Task.Delay(100);
            next = await host.Service.GetAsSecretaryAsync(url);
        }
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        next.Dispose();

        // The whole file through the service while this process (the service and the client reading in pieces)
        // allocates a small part of it; loaded as its document it was four times the file.
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        using (var streamed = await host.Service.GetAsSecretaryAsync(url, HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.OK, streamed.StatusCode);
            await using var body = await streamed.Content.ReadAsStreamAsync();
            Assert.Equal(sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(body)));
        }
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Assert.True(allocated < content.Length / 4, $"{allocated:N0} bytes allocated to send {content.Length:N0}");

        using var unknown = await host.Service.GetAsSecretaryAsync($"/api/documents/{new string('0', 64)}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
