using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Tests.Telemetry;

/// <summary>
/// An OpenTelemetry collector's OTLP/HTTP endpoint on a free loopback port: it keeps the protobuf body of every export
/// (POST /v1/traces, /v1/metrics, /v1/logs) and answers as a collector does, 200 with an empty response message.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app) => _app = app;

    public string Endpoint => _app.Urls.First();
    public ConcurrentQueue<(string Path, byte[] Body)> Requests { get; } = new();

    public IEnumerable<byte[]> Bodies(string signal) =>
        Requests.Where(r => r.Path == $"/v1/{signal}").Select(r => r.Body);

    public List<OtlpSpan> Spans() => [.. Bodies("traces").SelectMany(b => Otlp.Spans(b))];

    public List<OtlpPoint> Points() => [.. Bodies("metrics").SelectMany(b => Otlp.Points(b))];

    public List<OtlpLogRecord> Logs() => [.. Bodies("logs").SelectMany(b => Otlp.Logs(b))];

    public HashSet<string> MetricNames() => [.. Bodies("metrics").SelectMany(b => Otlp.MetricNames(b))];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // Its requests under names of its own: the service's tracing (same process) would otherwise record each
        // export as a request, to be exported in turn.
        builder.Services.AddSingleton(new ActivitySource("OtlpReceiver"));
        builder.Services.AddSingleton(new DiagnosticListener("OtlpReceiver"));
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost(
            "/v1/{signal}",
            async (HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                receiver.Requests.Enqueue((request.Path.Value!, body.ToArray()));
                return Results.Bytes([], "application/x-protobuf");
            }
        );
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
