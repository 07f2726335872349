using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Governance.Bench;

/// <summary>
/// The two command paths: scheduling a meeting (a new stream) and raising a matter (one event on an existing
/// stream), each over HTTP with its token, validation, the agreement's rules and the inline projections. Each client
/// raises matters on a meeting of its own and takes a new one after a realistic agenda's worth.
/// </summary>
public sealed class Commands(HttpClient client, Func<string, string?, string> tokens)
{
    private const int MattersPerMeeting = 25;
    private int _scheduled;

    public async Task<bool> ScheduleAsync(int clientNumber, CancellationToken ct) =>
        await ScheduleMeetingAsync(ct) is not null;

    public Func<int, CancellationToken, Task<bool>> RaiseMatter(int clients)
    {
        var meetings = new (Guid Id, int Version, int Matters)[clients];
        return async (c, ct) =>
        {
            if (meetings[c].Id == Guid.Empty || meetings[c].Matters >= MattersPerMeeting)
                meetings[c] = (await ScheduleMeetingAsync(ct) ?? throw new HttpRequestException("not scheduled"), 1, 0);
            var (id, version, matters) = meetings[c];
            using var request = Post(
                $"/api/meetings/{id}/matters",
                new
                {
                    title = Vocabulary.Title(matters),
                    description = Vocabulary.Description(matters, "Huddinge"),
                    kind = Vocabulary.Kind(matters),
                    municipalityCode = "0126",
                    version,
                },
                tokens("member", "0126")
            );
            using var response = await client.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
                return false;
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            meetings[c] = (id, answer.GetProperty("version").GetInt32(), matters + 1);
            return true;
        };
    }

    /// <summary>A committee meeting on a day of the 2030s; its id, or null when refused.</summary>
    public async Task<Guid?> ScheduleMeetingAsync(CancellationToken ct)
    {
        var n = Interlocked.Increment(ref _scheduled);
        var date = new DateOnly(2030, 1, 1)
            .AddDays(n % 3000)
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var request = Post(
            "/api/meetings",
            new
            {
                body = "committee",
                kind = "ordinary",
                date,
                startsAt = "13:00",
                endsAt = "16:00",
                hostMunicipalityCode = "0126",
                place = "Huddinge kommunhus",
            },
            tokens("secretary", null)
        );
        using var response = await client.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            return null;
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("value").GetGuid();
    }

    private static HttpRequestMessage Post(string url, object body, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
