using Alba;
using Governance.Distribution;
using Governance.Infrastructure.Security;
using Governance.Tests.Support;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine;

namespace Governance.Tests.Distribution;

/// <summary>The service stops with deliveries still to make; started again, it makes every one of them, once.</summary>
[Collection(IntegrationCollection.Name)]
public class RestartHttpTests(AppFixture fixture)
{
    private static async Task<IAlbaHost> StartService(string connectionString, TestSmtpServer smtp) =>
        await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("GOVERNANCE_DB", connectionString);
            web.UseSetting("Governance:LoadReferenceData", "true");
            web.UseSetting("Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            // Retries keep coming until the restart, well before any delivery is dead-lettered.
            web.UseSetting("Distribution:RetryDelays", string.Join(',', Enumerable.Repeat("00:00:02", 30)));
            web.ConfigureServices(services =>
            {
                services.MartenDaemonModeIsSolo();
                services.RunWolverineInSoloMode();
            });
        });

    [Fact]
    public async Task deliveries_pending_when_the_service_stops_are_all_made_once_after_it_starts_again()
    {
        var database = await TestDatabase.FreshDatabaseAsync("governance_restart_tests");
        using var smtp = new TestSmtpServer();
        var chair = fixture.TokenFor("Daniel Dronjak", Roles.Chair);
        var secretary = fixture.TokenFor("Anna Sekreterare", Roles.Secretary);

        await using (var first = await StartService(database, smtp))
        {
            // The host runs on the database made for this test, not the shared one.
            Assert.Equal(
                "governance_restart_tests",
                new Npgsql.NpgsqlConnectionStringBuilder(
                    first.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().ConnectionString
                ).Database
            );
            var created = await first.Scenario(s =>
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
            var meeting = (await created.ReadAsJsonAsync<System.Text.Json.JsonElement>())
                .GetProperty("value")
                .GetGuid();
            await first.Scenario(s =>
            {
                s.Post.Json(new { at = "15:00", version = 1 }).ToUrl($"/api/meetings/{meeting}/close");
                s.WithBearerToken(secretary);
            });
            await first.Scenario(s =>
            {
                s.Post.Json(new { version = 2 }).ToUrl($"/api/meetings/{meeting}/minutes/approval");
                s.WithBearerToken(chair);
            });

            // The mail server is down: the deliveries fail and wait for their retries.
            await Wait(
                first,
                secretary,
                s =>
                    s.Documents.Any(d =>
                        d.Deliveries.Count == 8 && d.Deliveries.All(x => x.Status == DeliveryStatus.Failed)
                    )
            );
            await first.StopAsync();
        }

        smtp.Start();
        await using var second = await StartService(database, smtp);
        var status = await Wait(
            second,
            secretary,
            s => s.Documents.Single().Deliveries.All(d => d.Status == DeliveryStatus.Sent),
            seconds: 60
        );
        await Task.Delay(3000);
        Assert.Equal(8, status.Documents.Single().Deliveries.Count);
        Assert.Equal(
            DistributionScenario.Registries.Order(),
            smtp.Received.Select(m => m.To.Mailboxes.Single().Address).Order()
        );
    }

    private static async Task<DistributionStatus> Wait(
        IAlbaHost host,
        string token,
        Func<DistributionStatus, bool> condition,
        int seconds = 30
    )
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var result = await host.Scenario(s =>
            {
                s.Get.Url("/api/distribution");
                s.WithBearerToken(token);
            });
            var status = (await result.ReadAsJsonAsync<DistributionStatus>())!;
            if (condition(status))
                return status;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException(System.Text.Json.JsonSerializer.Serialize(status));
            await Task.Delay(250);
        }
    }
}
