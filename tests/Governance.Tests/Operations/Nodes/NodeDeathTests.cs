using System.Diagnostics;
using System.Text.Json;
using Governance.Scenarios;
using Governance.Tests.Support;
using Xunit.Abstractions;

namespace Governance.Tests.Operations.Nodes;

/// <summary>
/// A node dies (SIGKILL) in the middle of sending approved minutes to the registries, and it is the node that runs the
/// cluster's agents (the leadership and the durability agent, which recovers messages and runs scheduled retries). With
/// two nodes the other one takes all of it over by itself; with one, nothing happens until a replacement has started.
/// Either way every registry gets exactly one copy (a copy sent twice would carry the same Message-ID).
/// </summary>
public sealed class NodeDeathTests(ITestOutputHelper output)
{
    private const string DurabilityAgent = "wolverinedb";
    private const string Leader = "wolverine";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task the_node_running_the_agents_dies_mid_delivery_and_every_registry_gets_one_copy(int nodes)
    {
        await using var cluster = await NodeCluster.CreateAsync($"governance_node_death_{nodes}");
        var started = new List<(ServiceNode Node, Guid Id)>();
        foreach (var name in new[] { "a", "b" }.Take(nodes))
            started.Add(await StartAsync(cluster, name));
        var settle = TimeSpan.FromSeconds(60);
        await NodeCluster.UntilAsync(
            "the durability agent and the leadership assigned",
            settle,
            async () =>
                await cluster.HolderOfAsync(DurabilityAgent) is not null
                && await cluster.HolderOfAsync(Leader) is not null,
            cluster.AssignmentsAsync
        );
        var holder = await cluster.HolderOfAsync(DurabilityAgent);
        var (victim, _) = started.Single(n => n.Id == holder);

        var meeting = await ClosedMeetingAsync(victim.Service);
        cluster.Smtp.Hold();
        await meeting.ApproveAsync();
        await NodeCluster.UntilAsync("a delivery under way", settle, () => Task.FromResult(cluster.Smtp.Waiting > 0));

        await victim.KillAsync();
        var sinceDeath = Stopwatch.StartNew();
        var death = DateTimeOffset.UtcNow;
        // The dead node's senders were held before a single line of their mail was sent: nothing of theirs arrives.
        cluster.Smtp.Release();
        var restart = TimeSpan.Zero;
        var survivor = started.FirstOrDefault(n => n.Node != victim);
        if (survivor.Node is null)
        {
            survivor = await StartAsync(cluster, "a-replacement");
            restart = sinceDeath.Elapsed;
        }

        var bound = restart + NodeCluster.Durability.TakeoverBound;
        await NodeCluster.UntilAsync(
            "the survivor runs the durability agent and leads",
            bound * 2,
            async () =>
                await cluster.HolderOfAsync(DurabilityAgent) == survivor.Id
                && await cluster.HolderOfAsync(Leader) == survivor.Id,
            cluster.AssignmentsAsync
        );
        var agentsAt = sinceDeath.Elapsed;
        await NodeCluster.UntilAsync(
            "every registry has the minutes",
            bound * 2,
            () => Task.FromResult(Copies(cluster.Smtp).Count == DistributionScenarioRegistries.Count),
            () => Task.FromResult($"Arrived: {string.Join(", ", Copies(cluster.Smtp).Keys)}")
        );
        var allAt = sinceDeath.Elapsed;
        var firstAt = cluster.Smtp.Arrivals.Min(a => a.At) - death;

        var sent = await Deliveries(survivor.Node.Service);
        output.WriteLine(
            $"{nodes} node(s): the node running the agents killed mid-delivery; "
                + (nodes == 1 ? $"replacement ready after {restart.TotalSeconds:0.0} s; " : "")
                + $"agents taken over after {agentsAt.TotalSeconds:0.0} s, "
                + $"first copy after {firstAt.TotalSeconds:0.0} s, "
                + $"all {sent.Count} copies after {allAt.TotalSeconds:0.0} s "
                + $"(bound {NodeCluster.Durability.TakeoverBound.TotalSeconds:0} s after the node is up)"
        );

        Assert.All(Copies(cluster.Smtp), registry => Assert.Single(registry.Value));
        Assert.Equal(DistributionScenarioRegistries.Count, sent.Count);
        Assert.All(sent, d => Assert.Equal("sent", d.GetProperty("status").GetString()));
        Assert.True(allAt <= bound, $"Taken over after {allAt}, more than the bound {bound}.");
    }

    private static async Task<(ServiceNode, Guid)> StartAsync(NodeCluster cluster, string name)
    {
        var known = await cluster.NodeIdsAsync();
        var node = cluster.Start(name);
        await node.WaitUntilReadyAsync();
        var id = Guid.Empty;
        await NodeCluster.UntilAsync(
            $"node {name} registered",
            TimeSpan.FromSeconds(30),
            async () =>
            {
                id = (await cluster.NodeIdsAsync()).Except(known).SingleOrDefault();
                return id != Guid.Empty;
            }
        );
        return (node, id);
    }

    /// <summary>Per registry address, the distinct Message-IDs of the minutes it received.</summary>
    private static Dictionary<string, HashSet<string>> Copies(TestSmtpServer smtp) =>
        smtp
            .Arrivals.SelectMany(a => a.Message.To.Mailboxes.Select(to => (to.Address, Id: a.Message.MessageId ?? "")))
            .GroupBy(m => m.Address)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Id).ToHashSet());

    private static readonly IReadOnlyList<string> DistributionScenarioRegistries = Governance
        .Tests
        .Distribution
        .DistributionScenario
        .Registries;

    private static ScenarioApi Api(RunningService service) => new(service.Client, RunningService.Tokens);

    /// <summary>
    /// A committee meeting today, held and closed: approving its minutes sends them to every registry.
    /// </summary>
    private static async Task<MeetingRecorder> ClosedMeetingAsync(RunningService service)
    {
        var stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, stockholm).DateTime);
        var meeting = await MeetingRecorder.ScheduleAsync(
            Api(service),
            "committee",
            "ordinary",
            today,
            "00:00",
            "00:30",
            "0126",
            "Huddinge kommunhus",
            CancellationToken.None
        );
        await meeting.PutOnAgendaAsync("Information om kollektivtrafikplanen", "information");
        await meeting.CloseAsync("00:20");
        return meeting;
    }

    private static async Task<IReadOnlyList<JsonElement>> Deliveries(RunningService service) =>
        [
            .. (await service.GetAsync("/api/distribution?kind=minutes&pageSize=100"))
                .GetProperty("documents")
                .EnumerateArray()
                .SelectMany(d => d.GetProperty("deliveries").EnumerateArray()),
        ];
}
