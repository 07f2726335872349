using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Alba;
using Governance.Distribution;
using Governance.Infrastructure.Security;
using Governance.Municipalities;
using Governance.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Tests.Distribution;

/// <summary>
/// In production a webhook goes to the internet over HTTPS only: an address inside the network is refused when it is
/// configured (its name resolved) and again when sending, for the name may point elsewhere by then.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class WebhookAddressHttpTests(AppFixture fixture)
{
    private const string Secret = "nykvarns-delade-hemlighet-2020";
    private static readonly string Nykvarn = $"/api/municipalities/{Municipality.IdFor("0140")}";

    [Fact]
    public async Task an_address_without_https_or_inside_the_network_is_refused_naming_webhookUrl()
    {
        await using var host = await ProductionService.StartAsync("governance_webhook_configure_tests");
        var secretary = fixture.TokenFor("Anna Sekreterare", Roles.Secretary);
        var details = await host.Scenario(s =>
        {
            s.Get.Url(Nykvarn);
            s.WithBearerToken(secretary);
        });
        var version = (await details.ReadAsJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        async Task<IScenarioResult> Configure(string url, int status) =>
            await host.Scenario(s =>
            {
                s.Post.Json(
                        new
                        {
                            email = true,
                            webhookUrl = url,
                            webhookSecret = Secret,
                            version,
                        }
                    )
                    .ToUrl($"{Nykvarn}/channels");
                s.WithBearerToken(secretary);
                s.StatusCodeShouldBe(status);
            });

        foreach (
            var url in new[]
            {
                "http://diarium.nykvarn.se/inkorg",
                "https://127.0.0.1/inkorg",
                "https://localhost:8443/inkorg",
                "https://10.20.30.40/inkorg",
                "https://192.168.1.20/inkorg",
                "https://169.254.169.254/latest/meta-data",
                "https://100.64.0.1/inkorg",
                "https://[fd00::1]/inkorg",
                "https://[fe80::1]/inkorg",
                "https://[::ffff:10.0.0.1]/inkorg",
                "https://0.0.0.0/inkorg",
                "https://224.0.0.1/inkorg",
                "https://namnet-finns-inte.invalid/inkorg",
            }
        )
        {
            var refused = await Configure(url, 400);
            var errors = (await refused.ReadAsJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.True(errors.TryGetProperty("webhookUrl", out var message), url);
            Assert.Matches("https://|intern adress|finns inte", message[0].GetString());
        }
        await using (var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession())
            Assert.Null((await session.LoadAsync<Municipality>(Municipality.IdFor("0140")))!.Channels.WebhookUrl);

        await Configure("https://193.15.237.1/inkorg", 200); // an address on the internet, written as such
    }

    [Fact]
    public async Task a_stored_address_that_now_points_inside_the_network_fails_the_attempt_without_a_connection()
    {
        using var inside = new TcpListener(IPAddress.Loopback, 0);
        inside.Start();
        var port = ((IPEndPoint)inside.LocalEndpoint).Port;
        await using var host = await ProductionService.StartAsync("governance_webhook_send_tests");
        var store = host.Services.GetRequiredService<IDocumentStore>();
        // Accepted when configured; its name resolves to this machine now (as after a DNS change).
        await using (var session = store.LightweightSession())
        {
            var channels = new Channels(false, null, $"https://localhost:{port}/inkorg", Secret);
            session.Events.Append(
                Municipality.IdFor("0140"),
                new DeliveryChannelsConfigured(
                    Municipality.IdFor("0140"),
                    channels,
                    "Anna Sekreterare",
                    DateTimeOffset.UtcNow
                )
            );
            await session.SaveChangesAsync();
        }

        var secretary = fixture.TokenFor("Anna Sekreterare", Roles.Secretary);
        var chair = fixture.TokenFor("Daniel Dronjak", Roles.Chair);
        var created = await host.Scenario(s =>
        {
            s.Post.Json(
                    new
                    {
                        body = "committee",
                        kind = "ordinary",
                        date = "2020-06-04",
                        startsAt = "12:00",
                        endsAt = "15:30",
                        hostMunicipalityCode = "0140",
                        place = "Nykvarns kommunhus",
                    }
                )
                .ToUrl("/api/meetings");
            s.WithBearerToken(secretary);
            s.StatusCodeShouldBe(201);
        });
        var meeting = (await created.ReadAsJsonAsync<JsonElement>()).GetProperty("value").GetGuid();
        await host.Scenario(s =>
        {
            s.Post.Json(new { at = "15:00", version = 1 }).ToUrl($"/api/meetings/{meeting}/close");
            s.WithBearerToken(secretary);
        });
        await host.Scenario(s =>
        {
            s.Post.Json(new { version = 2 }).ToUrl($"/api/meetings/{meeting}/minutes/approval");
            s.WithBearerToken(chair);
        });

        var webhook = await WaitForFailedWebhook(host, secretary);
        Assert.Matches(@"^Skickades inte: localhost \((127\.0\.0\.1|::1)\) är en intern adress", webhook.LastError);
        Assert.False(inside.Pending(), "The service connected to the inside address");
    }

    private static async Task<DeliveryState> WaitForFailedWebhook(IAlbaHost host, string token)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var result = await host.Scenario(s =>
            {
                s.Get.Url("/api/distribution");
                s.WithBearerToken(token);
            });
            var status = (await result.ReadAsJsonAsync<DistributionStatus>())!;
            var webhook = status
                .Documents.SelectMany(d => d.Deliveries)
                .FirstOrDefault(d => d.Channel == DeliveryChannel.Webhook);
            if (webhook is { LastError: not null })
                return webhook;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException(JsonSerializer.Serialize(status));
            await Task.Delay(250);
        }
    }
}
