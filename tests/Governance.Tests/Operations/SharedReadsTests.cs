using System.Net.Http.Json;
using System.Text.Json;
using Governance.Scenarios;
using Governance.Tests.Support;

namespace Governance.Tests.Operations;

/// <summary>
/// Every query is a round trip to the database, and at eight readers the round trips are a large part of the machine's
/// time. The agreement and the municipality register are what most screens read in several places (the dissolution,
/// the members on a date, the fees, names beside codes): each screen and read reads either at most once.
/// </summary>
public sealed class SharedReadsTests
{
    private static readonly TestClock Clock = new(new DateTimeOffset(2021, 3, 20, 10, 0, 0, TimeSpan.FromHours(1)));

    private static readonly string[] Reads =
    [
        "/",
        "/kommuner",
        "/avtal",
        "/avgifter?ar=2021",
        "/api/agreement",
        "/api/agreement/members",
        "/api/municipalities",
        "/api/fees/2021",
    ];

    [Fact]
    public async Task a_screen_reads_the_agreement_and_the_register_once_however_many_of_its_parts_need_them()
    {
        using var smtp = new TestSmtpServer();
        smtp.Start();
        var database = await TestDatabase.FreshDatabaseAsync("governance_shared_reads_tests");
        var queries = new CapturedQueries();
        await using var host = await queries.StartServiceAsync(Clock, database, smtp);
        var repeated = new List<string>();
        foreach (var path in Reads)
        {
            var (captured, _) = await queries.OfGetAsync(host, path);
            foreach (var table in new[] { "mt_doc_cooperationagreement", "mt_doc_municipality " })
            {
                var reads = captured.Count(q => q.Sql.Contains($"from governance.{table}", StringComparison.Ordinal));
                if (reads > 1)
                    repeated.Add($"{path} reads {table.Trim()} {reads} times");
            }
        }
        Assert.True(repeated.Count == 0, string.Join("\n", repeated));
    }

    /// <summary>What shows municipalities by name only: it reads codes and names, not their whole documents.</summary>
    private static readonly string[] NamesOnly =
    [
        "/beslut?q=trafik",
        "/api/decisions?q=trafik",
        "/api/meetings/{meeting}/minutes",
        "/sammantraden/{meeting}/minnesanteckningar",
        "/api/office-holders?on=2024-06-01",
        "/kalender?ar=2024",
        "/api/distribution",
    ];

    private const string WholeDocuments = "select d.data from governance.mt_doc_municipality";

    [Fact]
    public async Task a_screen_that_shows_names_only_reads_the_names_not_the_register()
    {
        using var smtp = new TestSmtpServer();
        smtp.Start();
        var database = await TestDatabase.FreshDatabaseAsync("governance_names_only_tests");
        var queries = new CapturedQueries();
        var clock = new TestClock(new DateTimeOffset(2025, 1, 20, 10, 0, 0, TimeSpan.FromHours(1)));
        await using var host = await queries.StartServiceAsync(clock, database, smtp);
        await CommitteeYear.RecordAsync(host.Service.Client, RunningService.Tokens, 2024);
        var meetings = await host.Service.GetAsSecretaryAsync("/api/meetings?year=2024");
        var calendar = JsonDocument.Parse(await meetings.Content.ReadAsStringAsync()).RootElement;
        var meeting = calendar.GetProperty("meetings")[0].GetProperty("id").GetString()!;
        var whole = new List<string>();
        foreach (var path in NamesOnly.Select(p => p.Replace("{meeting}", meeting, StringComparison.Ordinal)))
        {
            var (captured, _) = await queries.OfGetAsync(host, path);
            if (captured.Any(q => q.Sql.Contains(WholeDocuments, StringComparison.Ordinal)))
                whole.Add($"{path} reads every municipality's whole document");
            if (!captured.Any(q => q.Sql.Contains("from governance.mt_doc_municipality", StringComparison.Ordinal)))
                whole.Add($"{path} reads no names at all: the check no longer sees it");
        }
        Assert.True(whole.Count == 0, string.Join("\n", whole));
    }

    /// <summary>The screens of many parts, and the round trips each may take at most.</summary>
    private static readonly (string Path, int RoundTrips)[] ManyParts =
    [
        ("/", 1), // the next meetings, the latest minutes, and the duties: minutes, notices, deliveries, fees
        ("/api/distribution", 2), // a page of documents, then their deliveries with the names and the duties
        ("/utskick", 2),
        ("/kalender?ar=2021", 1), // a year's meetings, the register, the agreement and the extra-meeting requests
        ("/api/meetings?year=2021", 1),
        ("/beslut?q=trafik", 1), // how many match, a page of them, and the names
        ("/api/decisions?q=trafik", 1),
        ("/avtal", 1), // the agreement, the register and the latest committee meetings (a dissolution's decision)
        ("/sammantraden/{meeting}", 1), // the meeting, the agreement and the register (members, quorum, names)
        // The meeting and the names; the anchors are one more query, beside Marten's sessions and not counted here.
        ("/api/meetings/{meeting}/minutes", 1),
        ("/sammantraden/{meeting}/minnesanteckningar", 1),
        ("/api/meetings/{meeting}/minutes.pdf", 3), // made: the meeting, no kept file, the file kept
        ("/api/meetings/{meeting}/minutes.pdf", 2), // kept: the meeting, then the file through its key
        ("/calendar.ics", 2), // what it shows, named by versions; then, when that changed, the meetings and names
        ("/calendar.ics", 1), // unchanged: rendered before
        ("/minutes.atom", 2),
        ("/minutes.atom", 1),
    ];

    [Fact]
    public async Task a_screen_of_many_parts_reads_them_in_few_round_trips()
    {
        using var smtp = new TestSmtpServer();
        smtp.Start();
        var database = await TestDatabase.FreshDatabaseAsync("governance_round_trip_tests");
        var queries = new CapturedQueries();
        await using var host = await queries.StartServiceAsync(Clock, database, smtp);
        var meetings = await host.Service.GetAsSecretaryAsync("/api/meetings?year=2020");
        var calendar = JsonDocument.Parse(await meetings.Content.ReadAsStringAsync()).RootElement;
        var meeting = calendar.GetProperty("meetings")[0].GetProperty("id");
        var over = new List<string>();
        foreach (var (shape, most) in ManyParts)
        {
            var path = shape.Replace("{meeting}", meeting.GetString(), StringComparison.Ordinal);
            var (_, roundTrips) = await queries.OfGetAsync(host, path);
            if (roundTrips > most)
                over.Add($"{path} took {roundTrips} round trips, at most {most} expected");
        }
        Assert.True(over.Count == 0, string.Join("\n", over));
    }

    /// <summary>
    /// A command on an existing meeting reads in one batch the meeting for writing, the agreement (the §10 check, then
    /// the members on the meeting's day for the rule) and the head of the meeting's stream (the chain of hashes); then
    /// writes the events and the documents in one batch.
    /// </summary>
    [Fact]
    public async Task a_command_on_a_meeting_reads_what_it_decides_by_in_one_round_trip_and_writes_in_one()
    {
        using var smtp = new TestSmtpServer();
        smtp.Start();
        var database = await TestDatabase.FreshDatabaseAsync("governance_command_round_trip_tests");
        var queries = new CapturedQueries();
        await using var host = await queries.StartServiceAsync(Clock, database, smtp);
        using var scheduled = await host.Service.PostAsSecretaryAsync(
            "/api/meetings",
            new
            {
                body = "committee",
                kind = "ordinary",
                date = "2021-04-15",
                startsAt = "13:00",
                endsAt = "16:00",
                hostMunicipalityCode = "0126",
                place = "Huddinge kommunhus",
            }
        );
        scheduled.EnsureSuccessStatusCode();
        var meeting = (await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetGuid();

        var (_, roundTrips) = await queries.OfAsync(
            "RaiseMatter",
            () =>
                host.Service.PostAsSecretaryAsync(
                    $"/api/meetings/{meeting}/matters",
                    new { title = "Gemensam upphandling", kind = "upphandling", municipalityCode = "0126", version = 1 }
                )
        );

        Assert.True(roundTrips <= 2, $"RaiseMatter took {roundTrips} round trips, at most 2 expected");
    }
}
