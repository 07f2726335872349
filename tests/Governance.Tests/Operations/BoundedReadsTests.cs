using Governance.Records.Chain;
using Governance.Scenarios;
using Governance.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Tests.Operations;

/// <summary>
/// No read does work that grows with the whole store: every query behind every API read and every screen (anonymous
/// and signed in, over a recorded year), explained by PostgreSQL with sequential scans disabled, reaches the tables
/// that grow with the years through an index (or reads an index in order under a limit). A query with no index to
/// serve it still shows a sequential scan, and is named.
/// </summary>
public sealed class BoundedReadsTests
{
    private const int Year = 2024;
    private static readonly TestClock Clock = new(new DateTimeOffset(Year + 1, 1, 20, 10, 0, 0, TimeSpan.FromHours(1)));

    /// <summary>The tables that grow with every meeting, decision and delivery.</summary>
    private static readonly HashSet<string> Growing =
    [
        "mt_doc_meeting",
        "mt_doc_decisionrecord",
        "mt_doc_delivery",
        "mt_doc_distributiondocument",
        "mt_events",
        "mt_streams",
        "mt_doc_storeddocument",
        Governance.Records.Chain.RecordsSchema.Seal,
        "mt_doc_documentlisting",
        Governance.Decisions.DecisionSearchSchema.TableName,
        Governance.Meetings.MeetingHeaderTable.TableName,
    ];

    [Fact]
    public async Task every_query_of_every_read_reaches_the_growing_tables_through_an_index()
    {
        using var smtp = new TestSmtpServer();
        smtp.Start();
        var database = await TestDatabase.FreshDatabaseAsync("governance_bounded_reads_tests");
        var queries = new CapturedQueries();
        await using var host = await queries.StartServiceAsync(Clock, database, smtp);
        await CommitteeYear.RecordAsync(host.Service.Client, RunningService.Tokens, Year);
        await host.Service.WaitUntilDistributedAsync();

        queries.Capturing = true;
        await host.Service.Answers().CollectAsync(Year);
        queries.Capturing = false;

        var captured = queries.Take().DistinctBy(q => q.Sql).ToList();
        // The minutes' anchors are read beside Marten's sessions, straight from the data source.
        var anchors = host.Services.GetRequiredService<RecordAnchors>();
        captured.Add(new(anchors.AnchoredSql, [(Guid.NewGuid(), null), (anchors.AnchoredTypes, null)]));
        Assert.True(captured.Count > 20, $"Only {captured.Count} queries captured.");
        // With the statistics of a small store, joins that read a whole (small) index are cheapest; the plans must
        // stay bounded then too, not only before autovacuum has analyzed the tables.
        await QueryPlans.AnalyzeAsync(database);
        var unbounded = new List<string>();
        foreach (var query in captured)
        {
            var steps = await QueryPlans.UnboundedStepsAsync(database, query, Growing);
            if (steps.Count > 0)
                unbounded.Add($"{string.Join(", ", steps)}: {query.Sql}");
        }
        Assert.True(unbounded.Count == 0, string.Join("\n\n", unbounded));
    }
}
