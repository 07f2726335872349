using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Tests.Browser;
using Governance.Tests.Support;
using Xunit.Abstractions;

namespace Governance.Tests.Contract;

/// <summary>
/// The OpenAPI document is the contract: Redocly's recommended rules find no error in it, and the copy the typed client
/// is generated from (docs/openapi.json) is the service's own — a change of the API without a new client fails here.
/// </summary>
public class OpenApiContractTests(AppFixture fixture, ITestOutputHelper output) : IntegrationContext(fixture)
{
    private static string Committed => Path.Combine(ProductHost.RepositoryRoot(), "docs", "openapi.json");

    private async Task<JsonObject> LiveDocument()
    {
        var document = JsonNode
            .Parse((await Host.Scenario(s => s.Get.Url("/openapi/v1.json"))).ReadAsText())!
            .AsObject();
        // The committed copy names the production address; the servers are the one thing that differs per installation.
        document["servers"] = new JsonArray(
            new JsonObject { ["url"] = "https://samarbetskommitten.example.se", ["description"] = "Tjänsten" }
        );
        return document;
    }

    [Fact]
    public async Task the_committed_contract_is_the_services_own()
    {
        var live = (await LiveDocument()).ToJsonString(
            new JsonSerializerOptions
            {
                WriteIndented = true,
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }
        );
        if (Environment.GetEnvironmentVariable("GOVERNANCE_UPDATE_CONTRACT") == "1")
            await File.WriteAllTextAsync(Committed, live + "\n");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Committed));
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(live), committed),
            "The API changed: run GOVERNANCE_UPDATE_CONTRACT=1 dotnet test --filter OpenApiContractTests, "
                + "then tests/Governance.Client/generate.sh"
        );
    }

    [Fact]
    public async Task redocly_finds_no_error_in_the_document()
    {
        var file = Path.Combine(Path.GetTempPath(), $"governance-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, (await LiveDocument()).ToJsonString());
        var redocly = Redocly();
        Assert.True(
            redocly is not null,
            "Redocly CLI not found: npm install --prefix .governance/tools @redocly/cli@2.77.0 (.ci/run does)"
        );
        var start = new ProcessStartInfo(redocly, ["lint", file, "--format=json", "--extends=recommended"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var lint = Process.Start(start)!;
        var json = await lint.StandardOutput.ReadToEndAsync();
        await lint.WaitForExitAsync();
        File.Delete(file);
        var problems = JsonNode.Parse(json)!["problems"]!.AsArray();
        var errors = problems.Where(p => p!["severity"]!.GetValue<string>() == "error").ToList();
        foreach (var warning in problems.Where(p => p!["severity"]!.GetValue<string>() == "warn"))
            output.WriteLine(
                $"warning {warning!["ruleId"]}: {warning["message"]} {warning["location"]?[0]?["pointer"]}"
            );
        Assert.True(
            errors.Count == 0,
            string.Join('\n', errors.Select(e => $"{e!["ruleId"]}: {e["message"]} {e["location"]?[0]?["pointer"]}"))
        );
    }

    private static string? Redocly()
    {
        var local = Path.Combine(
            ProductHost.RepositoryRoot(),
            ".governance",
            "tools",
            "node_modules",
            ".bin",
            "redocly"
        );
        if (File.Exists(local))
            return local;
        return Environment
            .GetEnvironmentVariable("PATH")
            ?.Split(':')
            .Select(d => Path.Combine(d, "redocly"))
            .FirstOrDefault(File.Exists);
    }
}
