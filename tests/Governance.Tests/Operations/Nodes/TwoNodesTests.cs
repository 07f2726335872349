using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.Infrastructure.Security;
using Governance.Municipalities;
using Governance.Scenarios;
using Xunit.Abstractions;

namespace Governance.Tests.Operations.Nodes;

/// <summary>
/// Two nodes behind one address need no stickiness: what one accepts, refuses, signs or sends, the other agrees with.
/// </summary>
public sealed partial class TwoNodesTests(TwoNodes nodes, ITestOutputHelper output) : IClassFixture<TwoNodes>
{
    private const string StaleVersion = $"{RunningService.PublicBaseUrl}/problem/inaktuell-version";

    [Fact]
    public async Task started_together_on_an_empty_store_they_load_the_reference_data_once_and_make_one_key()
    {
        Assert.Equal(
            8L,
            await nodes.Cluster.ScalarAsync<long>(
                "select count(*) from governance.mt_events where type = 'municipality_registered'"
            )
        );
        Assert.Equal(1L, await nodes.Cluster.ScalarAsync<long>("select count(*) from governance.mt_doc_storedkey"));
        // Each node names its connections (application_name): what an operator counts against max_connections.
        output.WriteLine(
            "Connections per node after start: "
                + await nodes.Cluster.ScalarAsync<string>(
                    "select string_agg(application_name || ': ' || n, ', ') from (select application_name, count(*) n "
                        + "from pg_stat_activity where datname = current_database() "
                        + "and application_name like 'governance %' "
                        + "group by application_name) c"
                )
        );
    }

    [Fact]
    public async Task commands_sent_alternately_and_racing_are_each_stored_once_or_not_at_all()
    {
        var nodeOf = new[] { nodes.A, nodes.B };
        var accepted = new List<int>();
        var refused = new List<int>();
        var population = 700_000;
        for (var round = 0; round < 3; round++)
        {
            foreach (var (party, index) in Cast.Parties.Select((p, i) => (p, i)))
            {
                var id = Municipality.IdFor(party.Code);
                var version = await VersionAsync(nodeOf[(round + index) % 2], id);

                // One after the other, alternating: each accepted where it lands.
                var one = ++population;
                var answer = await RecordAsync(nodeOf[(round + index + 1) % 2], id, one, 2019, version);
                Assert.Equal(HttpStatusCode.OK, answer.Status);
                accepted.Add(one);

                // Two at once on the same version, one to each node: one is stored, the other is a stale version.
                var (left, right) = (++population, ++population);
                var race = await Task.WhenAll(
                    RecordAsync(nodes.A, id, left, 2018, version + 1),
                    RecordAsync(nodes.B, id, right, 2018, version + 1)
                );
                Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], race.Select(r => r.Status).Order());
                var loser = race.Single(r => r.Status == HttpStatusCode.Conflict).Problem;
                Assert.Equal(StaleVersion, loser.GetProperty("type").GetString());
                if (loser.TryGetProperty("currentVersion", out var current))
                    Assert.Equal(version + 2, current.GetInt32());
                accepted.Add(race[0].Status == HttpStatusCode.OK ? left : right);
                refused.Add(race[0].Status == HttpStatusCode.OK ? right : left);

                // A year that has not ended: refused by the rules wherever it lands.
                var early = ++population;
                var wrong = await RecordAsync(nodeOf[index % 2], id, early, DateTime.UtcNow.Year, version + 2);
                Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
                refused.Add(early);
            }
        }

        foreach (var figure in accepted)
            Assert.Equal(1L, await StoredAsync(figure));
        foreach (var figure in refused)
            Assert.Equal(0L, await StoredAsync(figure));
        output.WriteLine(
            $"{accepted.Count} commands accepted, each stored once; {refused.Count} refused "
                + $"({Cast.Parties.Count * 3} of them losing a race between the nodes), none stored"
        );
    }

    [Fact]
    public async Task a_cookie_and_a_receipt_link_issued_by_one_node_are_accepted_by_the_other()
    {
        var cookies = new CookieContainer();
        await SignInAsync(nodes.A.Client.BaseAddress!, cookies);
        using var browser = new HttpClient(
            new HttpClientHandler { CookieContainer = Moved(cookies, nodes.B), AllowAutoRedirect = false }
        );
        var signedIn = await browser.GetAsync(new Uri(nodes.B.Client.BaseAddress!, "/api/agreement"));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);

        nodes.Cluster.Smtp.Clear();
        await IssueANoticeAsync(nodes.A);
        await NodeCluster.UntilAsync(
            "the notice's mail",
            TimeSpan.FromSeconds(60),
            () => Task.FromResult(!nodes.Cluster.Smtp.Received.IsEmpty)
        );
        nodes.Cluster.Smtp.Received.TryPeek(out var mail);
        var link = ReceiptLink().Match(mail!.HtmlBody ?? mail.TextBody ?? "").Groups[1].Value;
        Assert.True(link.Length > 0, $"No receipt link in:\n{mail.HtmlBody ?? mail.TextBody}");

        using var registrar = new HttpClient { BaseAddress = nodes.B.Client.BaseAddress };
        var page = await registrar.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var acknowledged = await registrar.PostAsync(
            link,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["diarienummer"] = "KS 2031/17" })
        );
        Assert.Contains("Tack", await acknowledged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<int> VersionAsync(RunningService node, Guid municipality) =>
        (await node.GetAsync($"/api/municipalities/{municipality}")).GetProperty("version").GetInt32();

    private static async Task<(HttpStatusCode Status, JsonElement Problem)> RecordAsync(
        RunningService node,
        Guid municipality,
        int population,
        int year,
        int version
    )
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/municipalities/{municipality}/populations")
        {
            Content = JsonContent.Create(
                new
                {
                    year,
                    population,
                    isSample = false,
                    version,
                }
            ),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Bearer",
            RunningService.Tokens("secretary", null)
        );
        using var response = await node.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (
            response.StatusCode,
            response.IsSuccessStatusCode ? default : JsonDocument.Parse(body).RootElement.Clone()
        );
    }

    private Task<long> StoredAsync(int population) =>
        nodes.Cluster.ScalarAsync<long>(
            "select count(*) from governance.mt_events where type = 'population_recorded' "
                + "and (data ->> 'Population')::int = $1",
            population
        );

    private static async Task SignInAsync(Uri node, CookieContainer cookies)
    {
        using var browser = new HttpClient(
            new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }
        )
        {
            BaseAddress = node,
        };
        var page = await browser.GetStringAsync("/logga-in");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        var picked = await browser.PostAsync(
            "/logga-in?handler=ReferenceUser",
            new FormUrlEncodedContent(
                new Dictionary<string, string> { ["user"] = "secretary", ["__RequestVerificationToken"] = token }
            )
        );
        Assert.Equal(HttpStatusCode.Redirect, picked.StatusCode);
        Assert.Contains(cookies.GetAllCookies(), c => c.Name == AuthenticationSetup.CookieName);
    }

    /// <summary>The same cookies, sent to the other node (behind a load balancer they share one address).</summary>
    private static CookieContainer Moved(CookieContainer cookies, RunningService node)
    {
        var moved = new CookieContainer();
        foreach (Cookie cookie in cookies.GetAllCookies())
            moved.Add(node.Client.BaseAddress!, new Cookie(cookie.Name, cookie.Value, "/"));
        return moved;
    }

    /// <summary>
    /// A meeting with an agenda whose notice the chair issues through this node: it sends the copies.
    /// </summary>
    private static async Task IssueANoticeAsync(RunningService node)
    {
        var api = new ScenarioApi(node.Client, RunningService.Tokens);
        var meeting = await MeetingRecorder.ScheduleAsync(
            api,
            "committee",
            "ordinary",
            new DateOnly(2031, 5, 15),
            "12:00",
            "15:30",
            "0126",
            "Huddinge kommunhus",
            CancellationToken.None
        );
        await meeting.PutOnAgendaAsync("Information", "information");
        await meeting.IssueNoticeAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("https://samarbetskommitten\\.example(/receipts/[^\"<\\s]+)")]
    private static partial Regex ReceiptLink();
}
