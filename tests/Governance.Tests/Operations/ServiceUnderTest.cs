using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Distribution;
using Governance.Scenarios;
using Governance.Tests.Browser;
using Governance.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Npgsql;

namespace Governance.Tests.Operations;

/// <summary>
/// The product on real Kestrel over one database, as in production (development tokens accepted, as in a trial), with
/// the registries' mail server and the test's clock; and what the operations tests do with it.
/// </summary>
public sealed class ServiceUnderTest(WebApplication app, string database) : IAsyncDisposable
{
    public static readonly byte[] ReceiptKey = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
    public const string PublicBaseUrl = "https://samarbetskommitten.example";

    public string Database { get; } = database;
    public HttpClient Client { get; } = new() { BaseAddress = new Uri(ProductHost.BaseUrl(app)) };
    public static Func<string, string?, string> Tokens { get; } = ScenarioTokens.Development(AppFixture.SigningKeyBytes);

    public static async Task<ServiceUnderTest> StartAsync(TimeProvider clock, string database, TestSmtpServer smtp,
        IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["GOVERNANCE_DB"] = database,
            ["Governance:LoadReferenceData"] = "true",
            ["Auth:AllowDevelopmentTokens"] = "true",
            ["Auth:DevelopmentSigningKey"] = Convert.ToBase64String(AppFixture.SigningKeyBytes),
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Distribution:PublicBaseUrl"] = PublicBaseUrl,
            ["Distribution:ReceiptKey"] = Convert.ToBase64String(ReceiptKey),
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>()) settings[key] = value;
        var app = await ProductHost.StartAsync(clock, settings, "Production");
        var service = new ServiceUnderTest(app, database);
        await service.WaitForReferenceDataAsync();
        return service;
    }

    public ReadModelAnswers Answers() =>
        new(Client, Tokens("secretary", null), id => new ReceiptLinks(ReceiptKey, PublicBaseUrl).Signature(id));

    /// <summary>
    /// Waits until the background work the year set off is done: every delivery sent and no message waiting in
    /// Wolverine's tables. Then the store no longer changes by itself, and a copy of it answers the same.
    /// </summary>
    public async Task WaitUntilDistributedAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            var deliveries = (await GetAsync("/api/distribution")).GetProperty("documents").EnumerateArray()
                .SelectMany(d => d.GetProperty("deliveries").EnumerateArray()).ToList();
            if (deliveries.Count > 0 && deliveries.All(d => d.GetProperty("status").GetString() is "sent" or "acknowledged") &&
                await WaitingMessagesAsync() == 0) return;
            if (attempt == 300) throw new TimeoutException($"Deliveries still under way after a minute: {deliveries.Count}");
            await Task.Delay(200);
        }
    }

    /// <summary>Each registry acknowledges the minutes of the first approved meeting it received.</summary>
    public async Task AcknowledgeSomeMinutesAsync(int count)
    {
        var minutes = (await GetAsync("/api/distribution?kind=minutes")).GetProperty("documents").EnumerateArray().Last();
        foreach (var delivery in minutes.GetProperty("deliveries").EnumerateArray().Take(count))
        {
            var code = delivery.GetProperty("municipalityCode").GetString()!;
            using var request = new HttpRequestMessage(HttpMethod.Post,
                $"/api/distribution/{delivery.GetProperty("deliveryId").GetGuid()}/acknowledgement")
            {
                Content = JsonContent.Create(new
                {
                    diarienummer = $"KS {code}-{minutes.GetProperty("title").GetString()!.Length}",
                    version = delivery.GetProperty("version").GetInt32(),
                }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens("registry", code));
            (await Client.SendAsync(request)).EnsureSuccessStatusCode();
        }
    }

    public async Task<JsonElement> GetAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens("secretary", null));
        using var response = await Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<long> WaitingMessagesAsync()
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select (select count(*) from wolverine.wolverine_incoming_envelopes where status <> 'Handled') + " +
            "(select count(*) from wolverine.wolverine_outgoing_envelopes)", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task WaitForReferenceDataAsync()
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if ((await Client.GetAsync("/api/plans/2020")).IsSuccessStatusCode) return;
            await Task.Delay(200);
        }
        throw new TimeoutException("The reference data was not loaded within 30 s.");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
