using Governance.Tests.Support;

namespace Governance.Tests.Hosting;

/// <summary>
/// Outside Development the service refuses to start on a setting whose default would be wrong in production, listing
/// every one at once; an invalid value is refused everywhere; with every setting given it starts.
/// </summary>
public sealed class SettingsAtStartTests
{
    [Fact]
    public async Task in_production_a_start_without_its_settings_is_refused_naming_every_one_and_nothing_is_started()
    {
        var state = Directory.CreateTempSubdirectory("governance-settings").FullName;
        await using var service = ServiceProcess.Start(
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["GOVERNANCE_DATA_DIR"] = state,
            }
        );
        Assert.NotEqual(0, await service.ExitCodeAsync());
        foreach (
            var setting in new[]
            {
                "Distribution:PublicBaseUrl",
                "ConnectionStrings:Governance",
                "Auth:Authority",
                "Smtp:Host",
                "DataProtection:Key",
            }
        )
            Assert.Contains(setting, service.Output, StringComparison.Ordinal);
        Assert.Contains("5 setting(s) missing or invalid", service.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Local PostgreSQL", service.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(state, "postgres")), "a local cluster was created");
    }

    [Fact]
    public async Task an_invalid_value_is_refused_even_on_a_developers_machine()
    {
        await using var service = ServiceProcess.Start(
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["GOVERNANCE_DB"] = await TestDatabase.FreshDatabaseAsync("governance_settings_invalid"),
                ["Smtp__Security"] = "Krypterat",
                ["Smtp__Port"] = "smtp",
                ["Distribution__PublicBaseUrl"] = "ftp://samarbetskommitten.test",
                ["Distribution__RetryDelays"] = "snart",
            }
        );
        Assert.NotEqual(0, await service.ExitCodeAsync());
        foreach (var setting in new[] { "Smtp", "Distribution:PublicBaseUrl", "Distribution:RetryDelays" })
            Assert.Contains(setting, service.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task with_every_setting_given_it_starts_in_production_and_links_use_the_public_address()
    {
        var settings = ProductionService.Settings.ToDictionary(
            s => s.Key.Replace(":", "__", StringComparison.Ordinal),
            s => s.Value
        );
        settings["ASPNETCORE_ENVIRONMENT"] = "Production";
        settings["GOVERNANCE_DB"] = await TestDatabase.FreshDatabaseAsync("governance_settings_complete");
        await using var service = ServiceProcess.Start(settings);
        await service.WaitUntilReadyAsync();
        using var client = new HttpClient();
        var calendar = await client.GetStringAsync($"{service.BaseUrl}/calendar.ics");
        Assert.Contains("https://samarbetskommitten.test/sammantraden/", calendar, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", calendar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task on_a_developers_machine_links_point_where_the_service_listens()
    {
        await using var service = ServiceProcess.Start(
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["GOVERNANCE_DB"] = await TestDatabase.FreshDatabaseAsync("governance_settings_development"),
            }
        );
        await service.WaitUntilReadyAsync();
        using var client = new HttpClient();
        var calendar = await client.GetStringAsync($"{service.BaseUrl}/calendar.ics");
        Assert.Contains($"{service.BaseUrl}/sammantraden/", calendar, StringComparison.Ordinal);
    }
}
