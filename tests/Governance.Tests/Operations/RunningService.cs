using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Distribution;
using Governance.Scenarios;
using Governance.Tests.Support;

namespace Governance.Tests.Operations;

/// <summary>A service answering over HTTP (in this process or its own) on a database; what tests ask of it.</summary>
public sealed class RunningService(HttpClient client, string database)
{
    public static readonly byte[] ReceiptKey = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
    public const string PublicBaseUrl = "https://samarbetskommitten.example";
    public static Func<string, string?, string> Tokens { get; } =
        ScenarioTokens.Development(AppFixture.SigningKeyBytes);

    public HttpClient Client { get; } = client;
    public string Database { get; } = database;

    public ReadModelAnswers Answers() =>
        new(Client, Tokens("secretary", null), id => ReceiptLinks.LegacySignature(ReceiptKey, id));

    /// <summary>Ready (PostgreSQL answers) and the reference data in place.</summary>
    public async Task WaitUntilReadyAsync(Func<string>? whyNot = null)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                if (
                    (await Client.GetAsync("/health/ready")).IsSuccessStatusCode
                    && (await Client.GetAsync("/api/plans/2020")).IsSuccessStatusCode
                )
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The service was not ready within two minutes. {whyNot?.Invoke()}");
    }

    /// <summary>
    /// Waits until the background work the year set off is done: every delivery sent, no message waiting in
    /// Wolverine's tables, and no event appended for <see cref="Quiet"/> (a loaded machine running the whole suite
    /// stretches the moment before a commit's events reach the inbox). Then the store no longer changes by itself, and
    /// a copy of it answers the same. Read from the tables, so no page size or paging can hide a delivery still under
    /// way.
    /// </summary>
    public Task WaitUntilDistributedAsync() =>
        BackgroundWork.WaitAsync(Database, work => work.Settled, Quiet, TimeSpan.FromMinutes(2));

    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(3);

    /// <summary>Registries acknowledge the minutes first approved with their diarienummer.</summary>
    public async Task AcknowledgeSomeMinutesAsync(int count)
    {
        var minutes = (await GetAsync("/api/distribution?kind=minutes&pageSize=100"))
            .GetProperty("documents")
            .EnumerateArray()
            .Last();
        var deliveries = minutes.GetProperty("deliveries").EnumerateArray().Take(count);
        foreach (var (delivery, number) in deliveries.Select((d, i) => (d, i)))
        {
            var code = delivery.GetProperty("municipalityCode").GetString()!;
            using var request = new HttpRequestMessage(
                HttpMethod.Post,
                $"/api/distribution/{delivery.GetProperty("deliveryId").GetGuid()}/acknowledgement"
            )
            {
                Content = JsonContent.Create(
                    new
                    {
                        diarienummer = $"KS-{code}/{number + 101}",
                        version = delivery.GetProperty("version").GetInt32(),
                    }
                ),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens("registry", code));
            (await Client.SendAsync(request)).EnsureSuccessStatusCode();
        }
    }

    public async Task<JsonElement> GetAsync(string url)
    {
        using var response = await GetAsSecretaryAsync(url);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A GET as the secretary, the answer as it came (its body read, or only its headers).</summary>
    public Task<HttpResponseMessage> GetAsSecretaryAsync(
        string url,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead
    ) => AsSecretaryAsync(new HttpRequestMessage(HttpMethod.Get, url), completion);

    /// <summary>A command as the secretary, its body as JSON; the answer as it came.</summary>
    public Task<HttpResponseMessage> PostAsSecretaryAsync(string url, object body) =>
        AsSecretaryAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) });

    private async Task<HttpResponseMessage> AsSecretaryAsync(
        HttpRequestMessage message,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead
    )
    {
        using var request = message;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens("secretary", null));
        return await Client.SendAsync(request, completion);
    }
}
