using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Governance.Tests.Operations;

/// <summary>
/// Every answer the read side gives, to compare two services over the same store: each GET operation of the OpenAPI
/// document for every id in the store (with the query variants below), and the screens, both without signing in and
/// as the secretary. An operation whose path names an id this class cannot list fails the collection, so a new read
/// endpoint is not silently left out.
/// </summary>
public sealed partial class ReadModelAnswers(
    HttpClient client,
    string secretaryToken,
    Func<Guid, string> receiptSignature
)
{
    /// <summary>"GET path as who" → status, content type and body.</summary>
    public async Task<SortedDictionary<string, string>> CollectAsync(int year)
    {
        var ids = await StoreIds.ListAsync(this, year);
        var answers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            if (operations!["get"] is not { } get)
                continue;
            foreach (var url in Urls(get["operationId"]!.GetValue<string>(), path, ids))
                await AddAsync(answers, url);
        }
        foreach (var page in Screens(ids))
            await AddAsync(answers, page);
        return answers;
    }

    internal async Task<JsonElement> GetJsonAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secretaryToken);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task AddAsync(SortedDictionary<string, string> answers, string url)
    {
        foreach (var who in new[] { "the public", "the secretary" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (who == "the secretary")
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secretaryToken);
            using var response = await client.SendAsync(request);
            var body =
                response.Content.Headers.ContentType?.MediaType == "application/zip"
                    ? ZipEntries(await response.Content.ReadAsByteArrayAsync())
                    : await response.Content.ReadAsStringAsync();
            answers[$"GET {url} as {who}"] =
                $"{(int)response.StatusCode} {response.Content.Headers.ContentType}\n{WithoutRequestTokens(body)}";
        }
    }

    /// <summary>
    /// An archival package as its entries and their SHA-256, METS.xml without its creation date (the one thing two
    /// exports of a year may differ in).
    /// </summary>
    private static string ZipEntries(byte[] zip)
    {
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        return string.Join(
            '\n',
            archive.Entries.Select(entry =>
            {
                using var content = new MemoryStream();
                using (var stream = entry.Open())
                    stream.CopyTo(content);
                var bytes =
                    entry.Name == "METS.xml"
                        ? System.Text.Encoding.UTF8.GetBytes(
                            CreateDate().Replace(System.Text.Encoding.UTF8.GetString(content.ToArray()), "")
                        )
                        : content.ToArray();
                return $"{entry.FullName} "
                    + $"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))}";
            })
        );
    }

    /// <summary>
    /// Two values differ on every request by design, so they are left out of the comparison: the antiforgery token each
    /// page carries (it is what makes a forged request fail) and the trace id of a problem answer (it names the
    /// request in the logs).
    /// </summary>
    public static string WithoutRequestTokens(string body) =>
        TraceId().Replace(AntiforgeryToken().Replace(body, "(antiforgery token)"), "\"traceId\":\"(request)\"");

    /// <summary>Where two collections differ: how many answers, the first one around its first difference.</summary>
    public static string Differences(
        IDictionary<string, string> expected,
        IDictionary<string, string> actual,
        Func<string, string>? normalise = null
    )
    {
        normalise ??= a => a;
        var keys = expected
            .Keys.Where(k => !actual.TryGetValue(k, out var a) || normalise(a) != normalise(expected[k]))
            .ToList();
        if (keys.Count == 0)
            return "";
        var e = normalise(expected[keys[0]]);
        var a = actual.TryGetValue(keys[0], out var found) ? normalise(found) : "(no answer)";
        var at = e.Zip(a).TakeWhile(p => p.First == p.Second).Count();
        var from = Math.Max(0, at - 300);
        return $"{keys.Count} answers differ, first {keys[0]} at character {at}:\n"
            + $"expected …{e[from..Math.Min(e.Length, at + 300)]}…\n"
            + $"actual   …{a[from..Math.Min(a.Length, at + 300)]}…\n"
            + $"all: {string.Join(", ", keys.Take(20))}";
    }

    private IEnumerable<string> Urls(string operation, string path, StoreIds ids)
    {
        var template = path;
        IEnumerable<string> filled = [template];
        foreach (Match parameter in RouteParameter().Matches(path))
        {
            var name = parameter.Groups[1].Value;
            var values =
                ids.For(name)
                ?? throw new InvalidOperationException(
                    $"{operation} ({path}) names {{{name}}}, and no ids of that kind are listed: add them to StoreIds."
                );
            filled = filled.SelectMany(url =>
                values.Select(v => url.Replace($"{{{name}}}", v, StringComparison.Ordinal))
            );
        }
        return filled.SelectMany(url => QueryVariants(operation, url, ids)).ToList();
    }

    private IEnumerable<string> QueryVariants(string operation, string url, StoreIds ids)
    {
        var y = ids.Year;
        IEnumerable<string> queries = operation switch
        {
            "GetMeetings" => ["", $"?year={y}", "?year=2020", $"?year={y}&body=committee", "?body=managementGroup"],
            // Without a moment the quorum is the clock's; the moments of the meetings are the record.
            "GetQuorumStatus" => ["?at=12:00", "?at=12:45", "?at=14:45", "?at=09:00"],
            "SearchDecisions" => SearchQueries(ids),
            "GetAgreementState" => ["", $"?asOf={y}-01-01", $"?asOf={y}-06-20", $"?asOf={y + 1}-07-01"],
            "GetMembershipOnDate" => ["", $"?on={y}-06-01", $"?on={y + 1}-06-30", $"?on={y + 1}-07-01"],
            "GetOfficeHolders" => ["", $"?on={y}-03-01", "?on=2020-05-01"],
            "GetDistributionStatus" => ["", "?kind=minutes", "?kind=meetingNotice", "?kind=terminationNotice"],
            "GetReceiptPage" => [$"?sig={receiptSignature(Guid.Parse(url.Split('/')[^1]))}", "?sig=wrong"],
            _ => [""],
        };
        return queries.Select(q => url + q);
    }

    private static IEnumerable<string> SearchQueries(StoreIds ids) =>
        [
            "",
            "?q=bostadsförsörjningsanalys",
            "?q=trafik",
            "?q=cykelplan",
            $"?year={ids.Year}",
            "?outcome=notDecided",
            "?outcome=tabled",
            "?body=managementGroup",
            "?kind=yttrande",
            "?municipality=0127",
            "?page=2&pageSize=5",
            .. ids.Meetings.Select(m => $"?meetingId={m}"),
        ];

    private static IEnumerable<string> Screens(StoreIds ids) =>
        [
            "/",
            $"/kalender?ar={ids.Year}",
            "/kalender?ar=2020",
            "/beslut",
            "/beslut?q=trafik",
            $"/beslut?ar={ids.Year}",
            $"/plan?ar={ids.Year}",
            "/plan?ar=2020",
            "/avtal",
            $"/avtal?per={ids.Year}-07-01",
            "/kommuner",
            $"/avgifter?ar={ids.Year}",
            "/utskick",
            "/handelser",
            "/logga-in",
            "/handelser/verifiering",
            $"/arkiv?ar={ids.Year}",
            .. ids.ChainHashes.Select(h => $"/kontroll?kontrollsumma={h}"),
            .. ids.Meetings.SelectMany(m => new[] { $"/sammantraden/{m}", $"/sammantraden/{m}/minnesanteckningar" }),
        ];

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    [GeneratedRegex("CREATEDATE=\"[^\"]+\"")]
    private static partial Regex CreateDate();

    [GeneratedRegex("CfDJ8[A-Za-z0-9_-]+")]
    private static partial Regex AntiforgeryToken();
}
