using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Infrastructure.Problems;

namespace Governance.Scenarios;

/// <summary>
/// The API as a client sees it: JSON in and out, a bearer token per request (the caller's client is not changed), and
/// the first refusal reported with the service's own problem details.
/// </summary>
public sealed class ScenarioApi(HttpClient client, Func<string, string?, string> tokens)
{
    // The problem type is a URI under the service's public address, ending in the kind's own path.
    private static readonly string StaleTypePath = ProblemTypes.StaleVersion.Path;

    public async Task<JsonElement> GetAsync(string path, CancellationToken ct, string role = "secretary")
    {
        using var request = Request(HttpMethod.Get, path, role, null);
        using var response = await client.SendAsync(request, ct);
        await EnsureSuccessAsync(response, path, ct);
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }

    /// <summary>
    /// A command as <paramref name="role"/> (for <paramref name="municipality"/>); the answer, which names the new
    /// version.
    /// </summary>
    public async Task<JsonElement> PostAsync(
        string path,
        object body,
        CancellationToken ct,
        string role = "secretary",
        string? municipality = null
    )
    {
        using var request = Request(HttpMethod.Post, path, role, municipality);
        request.Content = JsonContent.Create(body);
        using var response = await client.SendAsync(request, ct);
        await EnsureSuccessAsync(response, path, ct);
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }

    /// <summary>
    /// A command on a stream that background work also writes to (the agreement, where deliveries record parties
    /// informed): the version is read just before, and read again when the stream moved on in between.
    /// </summary>
    public async Task<JsonElement> PostAtCurrentVersionAsync(
        string path,
        string versionSource,
        Func<int, object> body,
        CancellationToken ct,
        string role = "secretary"
    )
    {
        for (var attempt = 1; ; attempt++)
        {
            var version = (await GetAsync(versionSource, ct)).GetProperty("version").GetInt32();
            using var request = Request(HttpMethod.Post, path, role, null);
            request.Content = JsonContent.Create(body(version));
            using var response = await client.SendAsync(request, ct);
            var stale = response.StatusCode == HttpStatusCode.Conflict && await IsStaleAsync(response, ct);
            // Background deliveries may append one after another: wait a little longer each time they win.
            if (stale && attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), ct);
                continue;
            }
            await EnsureSuccessAsync(response, path, ct);
            return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        }
    }

    /// <summary>A file attached to an agenda item, sent as the form the screens send.</summary>
    public async Task<JsonElement> AttachAsync(
        string path,
        string title,
        string fileName,
        byte[] content,
        int version,
        CancellationToken ct
    )
    {
        using var request = Request(HttpMethod.Post, path, "secretary", null);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        request.Content = new MultipartFormDataContent
        {
            { new StringContent(title), "title" },
            { new StringContent(version.ToString(System.Globalization.CultureInfo.InvariantCulture)), "version" },
            { file, "file", fileName },
        };
        using var response = await client.SendAsync(request, ct);
        await EnsureSuccessAsync(response, path, ct);
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string role, string? municipality)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens(role, municipality));
        return request;
    }

    private static async Task<bool> IsStaleAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return problem.TryGetProperty("type", out var type)
            && type.GetString()?.EndsWith(StaleTypePath, StringComparison.Ordinal) == true;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string path, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
            return;
        var body = await response.Content.ReadAsStringAsync(ct);
        throw new HttpRequestException(
            $"{response.RequestMessage?.Method} {path}: {(int)response.StatusCode} {body}",
            null,
            response.StatusCode
        );
    }
}
