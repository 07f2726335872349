using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Governance.Bench;
using Governance.Scenarios;

// dotnet run -c Release --project bench/Governance.Bench -- --scale small|medium|large [--connection "Host=…"]
var options = BenchOptions.Parse(args);
var state = Path.Combine(ServiceUnderTest.RepositoryRoot(), ".governance");
var tokens = ScenarioTokens.Development(ServiceUnderTest.SigningKey);
var report = new Report();
Console.Error.WriteLine(
    $"bench: scale {options.Scale}, {options.Meetings} meetings of {options.ItemsPerMeeting} items"
);

using var database = await BenchDatabase.StartAsync(options.ConnectionString, state, options.Scale, options.Reuse);
var ceiling = await database.CeilingAsync(
    BenchOptions.Clients,
    TimeSpan.FromSeconds(Math.Max(3, options.Measure.TotalSeconds))
);
report.Add(ceiling);
var copyRate = await database.CopyRateAsync(options.Scale == "small" ? 50_000 : 300_000);
report.Add(new Measurement("indexed binary COPY (rows)", 1, copyRate, 0, 0, 0, 0));
var martenAlone = await Floors.MartenAppendAsync(
    database.ConnectionString,
    BenchOptions.Clients,
    TimeSpan.FromSeconds(Math.Max(3, options.Measure.TotalSeconds))
);
report.Add(martenAlone);

using var mail = new MailSink();
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
{
    Timeout = TimeSpan.FromSeconds(60),
};
int lastYear;
IReadOnlyList<int> years;
await using (
    var seeding = ServiceUnderTest.Start(
        database.ConnectionString,
        state,
        mail.Port,
        options.CodeGeneration,
        applySchema: true
    )
)
{
    http.BaseAddress = seeding.BaseAddress;
    await seeding.WaitUntilReadyAsync(http, minutes: 15);
    var seeder = new Seeder(http, tokens, options);
    years = seeder.Years;
    lastYear = seeder.LastYear;
    const string count = "select count(*) from governance.mt_events";
    if (options.Reuse && await database.SeededAsync())
    {
        Console.Error.WriteLine("bench: reusing the store seeded by an earlier run");
    }
    else
    {
        var watch = Stopwatch.StartNew();
        await seeder.SeedAsync();
        var events = await BenchDatabase.ScalarAsync(database.ConnectionString, count);
        report.Add(
            Measurement.Counted("seeding through the API (events)", BenchOptions.Clients, events, watch.Elapsed)
        );
        await database.MarkSeededAsync();
    }
    // Topped up apart from the seeding, so a reused store reaches the scale's events too.
    var stored = await BenchDatabase.ScalarAsync(database.ConnectionString, count);
    if (stored < options.MinimumEvents)
    {
        var watch = Stopwatch.StartNew();
        await seeder.RaiseBacklogAsync(options.MinimumEvents - stored);
        var added = await BenchDatabase.ScalarAsync(database.ConnectionString, count) - stored;
        report.Add(
            Measurement.Counted("matters raised for next year (events)", BenchOptions.Clients, added, watch.Elapsed)
        );
    }
    // Nothing runs behind the measurements: every delivery the seeding asked for is sent first.
    report.Add(await WaitForDistributionAsync(database.ConnectionString));
    if (await Receipts.AcknowledgeAsync(http, tokens, database.ConnectionString) is { } acknowledged)
    {
        report.Add(acknowledged);
        // What the receipts set going (a notice's party recorded as informed) is done before the measurements too.
        await WaitForDistributionAsync(database.ConnectionString);
    }
}

// Cold start: from the process's start to the first command answered. As after a deploy, the schema is in place
// (the seeding service applied it, as db-apply would) and the service checks it without changing it.
await using var service = ServiceUnderTest.Start(
    database.ConnectionString,
    state,
    mail.Port,
    options.CodeGeneration,
    applySchema: false
);
using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
{
    BaseAddress = service.BaseAddress,
    Timeout = TimeSpan.FromSeconds(60),
};
var commands = new Commands(client, tokens);
double coldStart;
while (true)
{
    try
    {
        if (await commands.ScheduleMeetingAsync(CancellationToken.None) is not null)
            break;
    }
    catch (HttpRequestException)
    {
        // not listening yet
    }
    await Task.Delay(20);
}
coldStart = Stopwatch.GetElapsedTime(service.StartedAt).TotalSeconds;

var serviceAlone = await Floors.ServiceAloneAsync(client, BenchOptions.Clients, options.Measure * 2);
report.Add(serviceAlone);
const string schedule = "POST /api/meetings (ScheduleMeeting)";
foreach (var clients in options.Measures(schedule) ? new[] { 1, BenchOptions.Clients } : [])
    report.Add(
        await LoadRunner.RunAsync(
            schedule,
            clients,
            options.Measure * 2,
            commands.ScheduleAsync
        )
    );
Measurement? raise = null;
const string raiseMatter = "POST /api/meetings/{id}/matters (RaiseMatter)";
foreach (var clients in options.Measures(raiseMatter) ? new[] { 1, BenchOptions.Clients } : [])
    report.Add(
        raise = await LoadRunner.RunAsync(
            raiseMatter,
            clients,
            options.Measure * 2,
            commands.RaiseMatter(clients)
        )
    );

var paths = await ReadPaths.ListAsync(client, tokens("secretary", null), years, lastYear);
var peakMemory = 0.0;
// The peak while each path ran too, in its row's note: where the whole run's peak was reached.
var pathPeak = 0.0;
using var sampling = new CancellationTokenSource();
var sampler = Task.Run(async () =>
{
    while (!sampling.IsCancellationRequested)
    {
        var resident = service.ResidentMegabytes();
        peakMemory = Math.Max(peakMemory, resident);
        pathPeak = Math.Max(pathPeak, resident);
        await Task.Delay(100);
    }
});
var secretary = tokens("secretary", null);
foreach (var path in paths.Where(p => options.Measures(p.Name)))
{
    foreach (var clients in new[] { 1, BenchOptions.Clients })
    {
        var random = new Random(clients);
        pathPeak = 0;
        var measured = await LoadRunner.RunAsync(
            path.Name,
            clients,
            options.Measure,
            async (c, ct) =>
            {
                string url;
                lock (random)
                    url = path.Url(random);
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (path.SignedIn)
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secretary);
                using var response = await client.SendAsync(request, ct);
                await response.Content.ReadAsByteArrayAsync(ct);
                return response.IsSuccessStatusCode;
            }
        );
        report.Add(measured with { Note = $"{pathPeak:F0} MB resident" });
    }
}
await sampling.CancelAsync();
await sampler;
await service.DisposeAsync();

if (options.Only is not null || raise is null)
{
    // Only some paths measured: their rows, without the rebuild and the goals that need every path.
    Console.WriteLine(report.Render($"Governance benchmark, scale {options.Scale}, only \"{options.Only}\""));
    Console.WriteLine($"resident memory through the reads: {peakMemory:F0} MB");
    return 0;
}

var martenRebuild = await MartenRebuildFloor.RunAsync(database.ConnectionString);
report.Add(martenRebuild);
var rebuild = await Rebuilder.RunAsync(database.ConnectionString, state);
var rebuilt = Measurement.Counted(
    "rebuild of every projection (events)",
    1,
    rebuild.Events,
    TimeSpan.FromSeconds(rebuild.Seconds)
);
report.Add(
    rebuilt with
    {
        Errors = rebuild.Identical ? 0 : 1,
        Note = $"{rebuilt.Note}; identical: {(rebuild.Identical ? "yes" : "no")}",
    }
);
if (rebuild.Difference is { } difference)
    Console.Error.WriteLine($"rebuild differs: {difference}");

var reads = report
    .Rows.Where(r =>
        r.Clients == BenchOptions.Clients
        && (r.Path.StartsWith("GET", StringComparison.Ordinal) || r.Path.StartsWith("page", StringComparison.Ordinal))
    )
    .ToList();
var slowest = reads.MaxBy(r => r.P95)!;
var share = raise.PerSecond / ceiling.PerSecond;
report.Goal(
    "rebuild ≥ 50 % of indexed COPY, identical",
    $"{rebuild.EventsPerSecond / copyRate:P0} of COPY; identical " + (rebuild.Identical ? "yes" : "no"),
    rebuild.EventsPerSecond >= copyRate / 2 && rebuild.Identical
);
report.Context(
    "what a rebuild can reach on this stack",
    $"Marten alone rebuilds a one-line projection at {martenRebuild.PerSecond / copyRate:P0} of COPY "
        + $"({martenRebuild.PerSecond:F0} events/s); the product's rebuild is "
        + $"{rebuild.EventsPerSecond / martenRebuild.PerSecond:P0} of that"
);
report.Goal(
    "RaiseMatter at 8 clients ≥ 50 % of plain Npgsql, p99 ≤ 30 ms",
    $"{share:P0}, p99 {raise.P99:F1} ms",
    share >= 0.5 && raise.P99 <= 30
);
report.Context(
    "where a one-event command's time goes (8 clients)",
    $"Marten alone appends at {martenAlone.PerSecond / ceiling.PerSecond:P0} of plain Npgsql "
        + $"({martenAlone.PerSecond:F0}/s); "
        + $"the service answers a request without the database at {serviceAlone.PerSecond:F0}/s"
);
report.Goal(
    "every read and page p95 ≤ 20 ms at 8 clients, no errors",
    $"slowest {slowest.Path} {slowest.P95:F1} ms; {reads.Sum(r => r.Errors)} errors",
    reads.All(r => r.P95 <= 20) && reads.Sum(r => r.Errors) == 0
);
report.Goal("resident memory ≤ 300 MB through the reads", $"{peakMemory:F0} MB", peakMemory <= 300);
report.Goal(
    "cold start to the first command ≤ 2.5 s",
    $"{coldStart:F2} s ({options.CodeGeneration} code)",
    coldStart <= 2.5
);

var storedEvents = await BenchDatabase.ScalarAsync(
    database.ConnectionString,
    "select count(*) from governance.mt_events"
);
var storedMeetings = await BenchDatabase.ScalarAsync(
    database.ConnectionString,
    "select count(*) from governance.mt_doc_meeting"
);
var storedDecisions = await BenchDatabase.ScalarAsync(
    database.ConnectionString,
    "select count(*) from governance.mt_doc_decisionrecord"
);
var store = $"{storedEvents:N0} events, {storedMeetings:N0} meetings, {storedDecisions:N0} decisions";
var machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}";
Console.WriteLine(
    report.Render(
        string.Create(
            CultureInfo.InvariantCulture,
            $"Governance benchmark, scale {options.Scale} "
                + $"({options.Meetings} meetings × {options.ItemsPerMeeting} items), "
                + $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {machine}; store: {store}"
        )
    )
);
return 0;

// The seeded minutes go out to the registries (each as PDF/A by mail) after the commands answered: the reads are
// measured once every delivery is sent and no message waits, not while the machine is still printing and sending.
static async Task<Measurement> WaitForDistributionAsync(string database)
{
    var watch = Stopwatch.StartNew();
    var work = await BackgroundWork.ReadAsync(database);
    var started = work.Deliveries;
    while (!work.Idle)
    {
        if (watch.Elapsed > TimeSpan.FromMinutes(60))
            throw new TimeoutException("The seeded minutes were still being distributed after an hour.");
        await Task.Delay(250);
        work = await BackgroundWork.ReadAsync(database);
    }
    var deliveries = work.Deliveries;
    Console.WriteLine($"  distribution done {watch.Elapsed.TotalSeconds:F0} s after the seeding's last command");
    return new Measurement(
        "distribution of the seeded minutes after seeding (deliveries)",
        1,
        0,
        0,
        0,
        0,
        0,
        $"{deliveries:N0} sent ({started:N0} requested when seeding ended); "
            + $"done {watch.Elapsed.TotalSeconds:F1} s later"
    );
}
