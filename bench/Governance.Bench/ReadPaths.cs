using System.Net.Http.Headers;
using System.Text.Json;
using Governance.Scenarios;

namespace Governance.Bench;

/// <summary>A read to measure: a path (with a real id chosen per call) and whether it is asked signed in.</summary>
public sealed record ReadPath(string Name, Func<Random, string> Url, bool SignedIn);

/// <summary>
/// Every GET of the service's OpenAPI document, its route filled with real ids of the seeded store, and every screen,
/// anonymous and signed in.
/// </summary>
public static class ReadPaths
{
    private static readonly string[] Pages =
    [
        "/",
        "/kalender?ar={year}",
        "/beslut?q=trafik",
        "/beslut",
        "/utskick",
        "/handelser",
        "/avtal",
        "/avtal/lydelse",
        "/kommuner",
        "/avgifter?ar={lastYear}",
        "/plan?ar={lastYear}",
        "/sammantraden/{meetingId}",
        "/sammantraden/{meetingId}/minnesanteckningar",
        "/problem",
        "/arkiv?ar={lastYear}",
        "/kontroll",
        "/handelser/verifiering",
    ];

    /// <summary>
    /// API reads the public makes without signing in, measured that way too: what they may see is decided per request
    /// (approved minutes only, a document only if a noticed agenda lists it), by queries of their own.
    /// </summary>
    private static readonly string[] PublicApi =
    [
        "/api/decisions",
        "/api/documents/{sha256}",
        "/api/meetings/{meetingId}",
        "/api/meetings/{meetingId}/minutes",
    ];

    private static readonly Dictionary<string, string> Queries = new()
    {
        ["/api/decisions"] = "?q=trafik",
        ["/api/meetings"] = "?year={year}",
        ["/api/agreement"] = "?asOf={date}",
        ["/api/agreement/members"] = "?on={date}",
        ["/api/agreement/text"] = "?on={date}",
        ["/api/office-holders"] = "?on={date}",
    };

    public static async Task<IReadOnlyList<ReadPath>> ListAsync(
        HttpClient client,
        string secretaryToken,
        IReadOnlyList<int> years,
        int lastYear
    )
    {
        async Task<JsonElement> Get(string url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secretaryToken);
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }

        var meetings = new List<string>();
        foreach (var year in years.Append(lastYear))
            meetings.AddRange(
                (await MeetingsOfYear.ReadAsync(Get, year))
                    .Where(m => m.GetProperty("minutesApproved").GetBoolean())
                    .Select(m => m.GetProperty("id").GetString()!)
            );
        var ids = new Dictionary<string, string[]>
        {
            ["meetingId"] = [.. meetings],
            ["municipalityId"] =
            [
                .. (await Get("/api/municipalities")).EnumerateArray().Select(m => m.GetProperty("id").GetString()!),
            ],
            ["projectId"] =
            [
                .. (await Get("/api/special-projects")).EnumerateArray().Select(p => p.GetProperty("id").GetString()!),
            ],
            ["deliveryId"] =
            [
                .. (await Get("/api/distribution?pageSize=20"))
                    .GetProperty("documents")
                    .EnumerateArray()
                    .SelectMany(d => d.GetProperty("deliveries").EnumerateArray())
                    .Select(d => d.GetProperty("deliveryId").GetString()!),
            ],
            ["year"] =
            [
                .. years.Append(lastYear).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            ["lastYear"] = [lastYear.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            ["date"] = [.. years.Select(y => $"{y}-06-15")],
        };
        var documents = new List<string>();
        foreach (var meeting in meetings.TakeLast(12))
            documents.AddRange(
                (await Get($"/api/meetings/{meeting}"))
                    .GetProperty("agenda")
                    .EnumerateArray()
                    .SelectMany(i => i.GetProperty("documents").EnumerateArray())
                    .Select(d => d.GetProperty("sha256").GetString()!)
            );
        ids["sha256"] = [.. documents.Distinct()];

        var openApi = await Get("/openapi/v1.json");
        var api = openApi
            .GetProperty("paths")
            .EnumerateObject()
            // Receipts are a registry's one-time act; the archive package is a yearly export that prints every minutes
            // document it lacks, timed on its own (README, Records), not a read.
            .Where(p =>
                p.Value.TryGetProperty("get", out _)
                && !p.Name.StartsWith("/receipts", StringComparison.Ordinal)
                && !p.Name.StartsWith("/api/archive", StringComparison.Ordinal)
            )
            .Select(p => p.Name + Queries.GetValueOrDefault(p.Name, ""))
            .ToList();
        // Plans are adopted for the full committee year only; the seeded years have none (a 404 is not a read).
        api = [.. api.Select(p => p == "/api/plans/{year}" ? "/api/plans/{lastYear}" : p)];
        var paths = new List<ReadPath>();
        foreach (var path in api)
        {
            if (Filler(path, ids) is not { } fill)
                continue;
            var name = $"GET {path.Replace("{lastYear}", "{year}", StringComparison.Ordinal)}";
            paths.Add(new ReadPath(name, fill, SignedIn: true));
            if (PublicApi.Contains(path.Split('?')[0]))
                paths.Add(new ReadPath($"{name} anonymous", fill, SignedIn: false));
        }
        foreach (var page in Pages)
        {
            if (Filler(page, ids) is not { } fill)
                continue;
            paths.Add(new ReadPath($"page {page} anonymous", fill, SignedIn: false));
            paths.Add(new ReadPath($"page {page} signed in", fill, SignedIn: true));
        }
        return paths;
    }

    /// <summary>The path with each {name} replaced by a random real value; null when the store has none.</summary>
    private static Func<Random, string>? Filler(string template, Dictionary<string, string[]> ids)
    {
        var names = System
            .Text.RegularExpressions.Regex.Matches(template, @"\{(\w+)\}")
            .Select(m => m.Groups[1].Value)
            .ToList();
        if (names.Any(n => !ids.TryGetValue(n, out var values) || values.Length == 0))
            return null;
        return random =>
            names.Aggregate(
                template,
                (url, n) => url.Replace($"{{{n}}}", ids[n][random.Next(ids[n].Length)], StringComparison.Ordinal)
            );
    }
}
