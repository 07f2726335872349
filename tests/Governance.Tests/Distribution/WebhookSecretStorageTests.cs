using System.Text.Json;
using Governance.Distribution;
using Governance.Municipalities;
using Governance.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Tests.Distribution;

/// <summary>
/// The event stream is kept forever: a webhook's secret is in it only encrypted. Secrets an earlier version stored in
/// plain text are encrypted and masked out of the log by the migration, which changes nothing when run again.
/// </summary>
public class WebhookSecretStorageTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Secret = "nykvarns-hemliga-nyckel-2020";
    private static readonly Guid Nykvarn = Municipality.IdFor("0140");

    /// <summary>
    /// The events of Nykvarn's stream, where the secrets are: deliveries of an earlier test still being retried in the
    /// background may add events elsewhere meanwhile.
    /// </summary>
    private Task<long> NykvarnEventCount() =>
        Scalar<long>($"select count(*) from governance.mt_events where stream_id = '{Nykvarn}'")!;

    private Task<long> EventsHolding(string text) =>
        Scalar<long>($"select count(*) from governance.mt_events where data::text ilike '%{text}%'")!;

    [Fact]
    public async Task a_configured_secret_is_stored_only_encrypted_and_still_signs_the_deliveries()
    {
        await GivenReferenceData();
        var version = (await Get<JsonElement>($"/api/municipalities/{Nykvarn}")).GetProperty("version").GetInt32();
        await Post(
            $"/api/municipalities/{Nykvarn}/channels",
            new
            {
                email = false,
                webhookUrl = "https://diarium.nykvarn.se/inkorg",
                webhookSecret = Secret,
                version,
            },
            SecretaryToken,
            200
        );

        Assert.Equal(0, await EventsHolding(Secret));
        Assert.Equal(1, await EventsHolding("protectedWebhookSecret"));
        await using var session = Store.QuerySession();
        var channels = (await session.LoadAsync<Municipality>(Nykvarn))!.Channels;
        Assert.Null(channels.WebhookSecret);
        Assert.Equal(Secret, Host.Services.GetRequiredService<WebhookSecrets>().Reveal(channels));
    }

    [Fact]
    public async Task secrets_stored_in_plain_text_by_an_earlier_version_are_encrypted_and_masked_out_of_the_log()
    {
        await GivenReferenceData();
        await using (var session = Store.LightweightSession())
        {
            // As the earlier version recorded it: the secret itself in the event, twice over (a later change of
            // address).
            session.Events.Append(
                Nykvarn,
                new DeliveryChannelsConfigured(
                    Nykvarn,
                    new Channels(false, null, "https://diarium.nykvarn.se/gammal", Secret + "-gammal"),
                    "Anna Sekreterare",
                    Fixture.Clock.GetUtcNow()
                )
            );
            session.Events.Append(
                Nykvarn,
                new DeliveryChannelsConfigured(
                    Nykvarn,
                    new Channels(false, null, "https://diarium.nykvarn.se/inkorg", Secret),
                    "Anna Sekreterare",
                    Fixture.Clock.GetUtcNow()
                )
            );
            await session.SaveChangesAsync();
        }
        Assert.Equal(2, await EventsHolding(Secret));
        var before = await NykvarnEventCount();
        var secrets = Host.Services.GetRequiredService<WebhookSecrets>();

        Assert.Equal(1, await WebhookSecretMigration.RunAsync(Store, secrets, Fixture.Clock, CancellationToken.None));

        Assert.Equal(0, await EventsHolding(Secret));
        Assert.Equal(before + 1, await NykvarnEventCount()); // the channels recorded again, encrypted; no event removed
        await using (var session = Store.QuerySession())
        {
            var channels = (await session.LoadAsync<Municipality>(Nykvarn))!.Channels;
            Assert.Equal("https://diarium.nykvarn.se/inkorg", channels.WebhookUrl);
            Assert.Null(channels.WebhookSecret);
            Assert.Equal(Secret, secrets.Reveal(channels));
            var history = await session.Events.FetchStreamAsync(Nykvarn);
            Assert.Equal(
                WebhookSecretMigration.Actor,
                history.Select(e => e.Data).OfType<DeliveryChannelsConfigured>().Last().ConfiguredBy
            );
        }
        Assert.Equal(0, await WebhookSecretMigration.RunAsync(Store, secrets, Fixture.Clock, CancellationToken.None));
        Assert.Equal(before + 1, await NykvarnEventCount());
    }
}
