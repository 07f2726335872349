using System.Net.Http.Headers;
using Alba;
using Governance.Distribution;
using Governance.Municipalities;
using Governance.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Tests.Telemetry;

/// <summary>The service exporting by OTLP/HTTP (protobuf) to a receiver of the tests' own.</summary>
public sealed class ExportingService : IAsyncLifetime
{
    public TelemetryHost Service { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Service = await TelemetryHost.StartAsync(
            "governance_telemetry_tests",
            endpoint =>
                new()
                {
                    ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
                    ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                    ["OTEL_SERVICE_NAME"] = "governance-test",
                    ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment.name=test",
                    ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
                    ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
                    ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
                }
        );

    public async Task DisposeAsync() => await Service.DisposeAsync();
}

/// <summary>
/// Tests that measure the whole process, run after the others and one at a time: every host in this process shares the
/// meters' names, so deliveries of tests running beside the telemetry tests would be counted with theirs; and the
/// process's allocations would include theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}

[Collection(AloneCollection.Name)]
public sealed class TelemetryExportTests(ExportingService exporting) : IClassFixture<ExportingService>, IAsyncLifetime
{
    private const string Salem = "0128";

    private TelemetryHost Service => exporting.Service;
    private OtlpReceiver Receiver => Service.Receiver;

    /// <summary>What was exported before the test: counters go on from there.</summary>
    private List<OtlpPoint> _before = [];

    public async Task InitializeAsync()
    {
        await Service.ResetAsync();
        Service.Flush();
        _before = Receiver.Points();
        Receiver.Requests.Clear();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task a_command_is_one_trace_from_its_http_request_through_its_handlers_to_the_database_and_the_mail()
    {
        Service.Smtp.Start();
        await Service.GivenNykvarnGivesNotice();

        var (request, trace) = await Service.Exported<Tuple<OtlpSpan, List<OtlpSpan>>>(
            () =>
            {
                var spans = Receiver.Spans();
                var request = spans.FirstOrDefault(s =>
                    s.Kind == Otlp.SpanKindServer
                    && s.Attributes.GetValueOrDefault("url.path") == "/api/agreement/termination-notices"
                );
                var trace = spans.Where(s => s.TraceId == request?.TraceId).ToList();
                // The notice reaches seven parties: each delivery's handler connects to the mail server.
                return trace.Count(s => s.Scope == MailKit.Telemetry.SmtpClient.ActivitySourceName) >= 7
                    ? Tuple.Create(request!, trace)
                    : null;
            },
            () => string.Join('\n', Receiver.Spans().Select(s => $"{s.Scope} {s.Name} {s.TraceId}"))
        );

        Assert.Equal("POST /api/agreement/termination-notices", request.Name);
        var byId = trace.ToDictionary(s => s.SpanId);
        bool Under(OtlpSpan span, OtlpSpan ancestor)
        {
            for (var s = span; byId.TryGetValue(s.ParentSpanId, out var parent); s = parent)
                if (parent.SpanId == ancestor.SpanId)
                    return true;
            return false;
        }
        // The command's own reads and writes, in the request.
        Assert.Contains(
            trace,
            s =>
                s.Scope == "Npgsql"
                && Under(s, request)
                && s.Attributes.GetValueOrDefault("db.system.name") == "postgresql"
        );
        Assert.Contains(trace, s => s.Scope == "Marten" && s.Name == "marten.connection" && Under(s, request));
        // The event forwarded through the outbox, handled after the commit, and each delivery it set off.
        var distribution = Assert.Single(
            trace,
            s =>
                s.Scope == "Wolverine"
                && Under(s, request)
                && s.Name.EndsWith("TerminationNoticeRegistered", StringComparison.Ordinal)
        );
        var deliveries = trace.Where(s => s.Scope == "Wolverine" && s.Name == typeof(SendDelivery).FullName).ToList();
        Assert.Equal(7, deliveries.Count);
        Assert.All(
            deliveries,
            d =>
            {
                Assert.True(Under(d, distribution), $"{d.Name} is not under {distribution.Name}");
                Assert.True(Guid.TryParse(d.Attributes.GetValueOrDefault("delivery.id"), out _), "names its delivery");
                Assert.Contains(trace, s => s.Scope == "Npgsql" && Under(s, d));
                Assert.Contains(trace, s => s.Scope == MailKit.Telemetry.SmtpClient.ActivitySourceName && Under(s, d));
            }
        );
        // Named as configured: OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES.
        var resource = Otlp.Resource(Receiver.Bodies("traces").First());
        Assert.Equal("governance-test", resource["service.name"]);
        Assert.Equal("test", resource["deployment.environment.name"]);
    }

    [Fact]
    public async Task commands_refusals_deliveries_the_outbox_and_projection_lag_are_measured()
    {
        await GivenTheProjectionCaughtUp();
        await Service.GivenNykvarnGivesNotice();
        var dead = await Service.WaitForDistribution(s =>
            s.Documents.Any(d =>
                d.Deliveries.Count == 7 && d.Deliveries.All(x => x.Status == DeliveryStatus.DeadLettered)
            )
        );
        Service.Smtp.Start();
        var salem = dead.Documents.Single().Deliveries.Single(d => d.MunicipalityCode == Salem);
        await Service.Post($"/api/distribution/{salem.DeliveryId}/resend", new { version = salem.Version }, 200);
        await Service.WaitForDistribution(s =>
            s.Documents.Single().Deliveries.Single(d => d.MunicipalityCode == Salem).Status == DeliveryStatus.Sent
        );
        // Södertälje is registered already: refused under the rule of unique codes and names.
        await Service.Post(
            "/api/municipalities",
            new
            {
                code = "0181",
                name = "Södertälje",
                registryEmail = "registrator@sodertalje.se",
            },
            409
        );

        var salemEmail = new Dictionary<string, string> { ["channel"] = "email", ["municipality"] = Salem };
        await Service.Exported(
            () =>
                Added("governance.deliveries.sent", salemEmail) == 1
                && Added("governance.delivery_attempts.failed", salemEmail) == 3
                && Added("governance.deliveries.dead_lettered", salemEmail) == 1
                && Added("governance.commands", Command("RegisterTerminationNotice", "accepted")) == 1
                && Added("governance.commands", Command("ResendDelivery", "accepted")) == 1
                && Added("governance.commands", Command("RegisterMunicipality", "refused")) == 1
                && Added("governance.rule_refusals", new() { ["rule"] = "unik kommunkod och kommunnamn" }) == 1
                && Latest(Receiver.Points(), "governance.projection.lag", new() { ["shard"] = Shard }) > 0
                && new[] { "incoming", "scheduled", "outgoing", "dead_letter" }.All(queue =>
                    Latest(Receiver.Points(), "governance.outbox.depth", new() { ["queue"] = queue }) >= 0
                )
                    ? new object()
                    : null,
            () =>
                string.Join(
                    '\n',
                    Receiver
                        .Points()
                        .Where(p => p.Metric.StartsWith("governance", StringComparison.Ordinal))
                        .Select(p => $"{p.Metric} {p.Value} {string.Join(',', p.Attributes)}")
                        .Distinct()
                )
        );

        // And the instruments of the frameworks: ASP.NET Core, the runtime, Npgsql, Marten, Wolverine, MailKit.
        Assert.Superset(
            new HashSet<string>
            {
                "http.server.request.duration",
                "dotnet.gc.collections",
                "db.client.operation.duration",
                "marten.event.append",
                "wolverine-messages-succeeded",
                "mailkit.net.smtp.client.operation.count",
            },
            Receiver.MetricNames()
        );
    }

    [Fact]
    public async Task a_failed_attempt_is_logged_as_a_warning_and_a_dead_letter_as_an_error_naming_the_delivery()
    {
        await Service.GivenNykvarnGivesNotice();
        var dead = await Service.WaitForDistribution(s =>
            s.Documents.Any(d =>
                d.Deliveries.Count == 7 && d.Deliveries.All(x => x.Status == DeliveryStatus.DeadLettered)
            )
        );
        var salem = dead.Documents.Single().Deliveries.Single(d => d.MunicipalityCode == Salem).DeliveryId.ToString();

        var records = await Service.Exported(
            () =>
            {
                var records = Receiver
                    .Logs()
                    .Where(l => l.Attributes.GetValueOrDefault("DeliveryId") == salem)
                    .ToList();
                return records.Any(r => r.Severity == Otlp.SeverityError) ? records : null;
            },
            () => string.Join('\n', Receiver.Logs().Where(l => l.Severity >= Otlp.SeverityWarn).Select(l => l.Body))
        );

        var warnings = records.Where(r => r.Severity == Otlp.SeverityWarn).ToList();
        Assert.Equal(["1", "2", "3"], warnings.Select(w => w.Attributes["Attempt"]).Order());
        var error = Assert.Single(records, r => r.Severity == Otlp.SeverityError);
        Assert.All(
            warnings.Append(error),
            r =>
            {
                Assert.Equal(Salem, r.Attributes["MunicipalityCode"]);
                Assert.Equal("Email", r.Attributes["Channel"]);
                Assert.False(string.IsNullOrWhiteSpace(r.Attributes["Cause"]));
                Assert.Contains(salem, r.Body, StringComparison.Ordinal);
            }
        );
        Assert.Equal("3", error.Attributes["Attempt"]);
    }

    [Fact]
    public async Task an_upload_cut_short_is_the_clients_fault_a_400_and_no_error_in_the_log()
    {
        var meetings = (await Service.Get<Governance.Meetings.MeetingCalendarPage>("/api/meetings?year=2020")).Meetings;
        Service.Flush();
        Receiver.Requests.Clear();
        using var client = Service.Host.Server.CreateClient();
        // The first field's value, and then nothing: no closing boundary.
        using var body = new ByteArrayContent(
            "--XX\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nUnderlag"u8.ToArray()
        );
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=XX");
        client.DefaultRequestHeaders.Authorization = new("Bearer", TelemetryHost.SecretaryToken);

        using var response = await client.PostAsync(
            $"/api/meetings/{meetings[0].Id}/agenda/{Guid.NewGuid()}/documents",
            body
        );

        Assert.Equal(400, (int)response.StatusCode);
        // Whatever the request logged was logged before its answer: one flush exports it.
        Service.Flush();
        Assert.DoesNotContain(Receiver.Logs(), l => l.Severity >= Otlp.SeverityError);
    }

    private static readonly string Shard = typeof(DeliveriesSeen).FullName + ":All";

    private static Dictionary<string, string> Command(string operation, string outcome) =>
        new() { ["operation"] = operation, ["outcome"] = outcome };

    /// <summary>The test's asynchronous projection has run to the end of the store, and stopped.</summary>
    private async Task GivenTheProjectionCaughtUp()
    {
        var store = Service.Host.Services.GetRequiredService<IDocumentStore>();
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();
        await daemon.CatchUpAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        await daemon.StopAllAsync();
    }

    /// <summary>The last exported value of a metric's data point with these attributes (among others), or -1.</summary>
    private static double Latest(List<OtlpPoint> points, string metric, Dictionary<string, string> attributes) =>
        points
            .LastOrDefault(p =>
                p.Metric == metric && attributes.All(a => p.Attributes.GetValueOrDefault(a.Key) == a.Value)
            )
            ?.Value
        ?? -1;

    /// <summary>How much a counter (cumulative, as exported) grew in the test; -1 when it was not exported.</summary>
    private double Added(string metric, Dictionary<string, string> attributes) =>
        Latest(Receiver.Points(), metric, attributes) is var now and >= 0
            ? now - Math.Max(0, Latest(_before, metric, attributes))
            : -1;
}
