using System.Text.Json;
using Alba;
using Governance.Municipalities;
using Governance.Tests.Support;

namespace Governance.Tests.Distribution;

/// <summary>
/// A webhook's shared secret is written once: kept when only other settings change, never shown, not even in the audit
/// trail.
/// </summary>
public class ChannelsHttpTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Secret = "nykvarns-delade-hemlighet-2020";

    [Fact]
    public async Task the_secret_is_kept_for_the_same_address_required_for_a_new_one_and_hidden_in_the_audit_trail()
    {
        await GivenReferenceData();
        var url = $"/api/municipalities/{Municipality.IdFor("0140")}";
        async Task<int> Version() => (await Get<JsonElement>(url)).GetProperty("version").GetInt32();

        await Post(
            $"{url}/channels",
            new
            {
                email = false,
                webhookUrl = "https://diarium.nykvarn.se/inkorg",
                webhookSecret = Secret,
                version = await Version(),
            },
            SecretaryToken,
            200
        );
        await Post(
            $"{url}/channels",
            new
            {
                email = true,
                webhookUrl = "https://diarium.nykvarn.se/inkorg",
                version = await Version(),
            },
            SecretaryToken,
            200
        );
        var details = await Get<JsonElement>(url);
        Assert.True(details.GetProperty("emailChannel").GetBoolean());
        Assert.True(details.GetProperty("webhookSecretSet").GetBoolean());

        var before = await EventCount();
        var moved = await Post(
            $"{url}/channels",
            new
            {
                email = true,
                webhookUrl = "https://nytt-diarium.nykvarn.se/inkorg",
                version = await Version(),
            },
            SecretaryToken,
            400
        );
        Assert.True(moved.ReadAsJson<JsonElement>().GetProperty("errors").TryGetProperty("webhookSecret", out _));
        Assert.Equal(before, await EventCount());

        var audit = (
            await Host.Scenario(s =>
            {
                s.Get.Url("/handelser");
                s.WithRequestHeader("Authorization", $"Bearer {SecretaryToken}");
            })
        ).ReadAsText();
        Assert.Contains("Utskickskanaler ändrade", audit, StringComparison.Ordinal);
        Assert.Contains("(dold)", audit, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task in_development_plain_http_goes_to_this_machine_only()
    {
        await GivenReferenceData();
        var url = $"/api/municipalities/{Municipality.IdFor("0140")}";
        async Task<int> Version() => (await Get<JsonElement>(url)).GetProperty("version").GetInt32();

        async Task<IScenarioResult> Configure(string webhookUrl, int status) =>
            await Post(
                $"{url}/channels",
                new
                {
                    email = true,
                    webhookUrl,
                    webhookSecret = Secret,
                    version = await Version(),
                },
                SecretaryToken,
                status
            );

        var refused = await Configure("http://192.0.2.10/inkorg", 400);
        Assert.True(refused.ReadAsJson<JsonElement>().GetProperty("errors").TryGetProperty("webhookUrl", out _));
        await Configure("http://localhost:5999/inkorg", 200);
    }
}
