using Microsoft.Extensions.DependencyInjection;
using Governance.Distribution;
using Governance.Tests.Support;

namespace Governance.Tests.Telemetry;

/// <summary>
/// The service as it runs without OTEL_EXPORTER_OTLP_ENDPOINT, though the other OTEL_ variables are set and even
/// name a receiver for each signal: the endpoint alone turns export on.
/// </summary>
public sealed class SilentService : IAsyncLifetime
{
    public TelemetryHost Service { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Service = await TelemetryHost.StartAsync(
            "governance_telemetry_off_tests",
            endpoint =>
                new()
                {
                    ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                    ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = $"{endpoint}/v1/traces",
                    ["OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"] = $"{endpoint}/v1/metrics",
                    ["OTEL_EXPORTER_OTLP_LOGS_ENDPOINT"] = $"{endpoint}/v1/logs",
                    ["OTEL_SERVICE_NAME"] = "governance-test",
                }
        );

    public async Task DisposeAsync() => await Service.DisposeAsync();
}

[Collection(IntegrationCollection.Name)]
public sealed class TelemetryOffTests(SilentService silent) : IClassFixture<SilentService>
{
    [Fact]
    public async Task without_an_otlp_endpoint_nothing_is_exported()
    {
        var service = silent.Service;
        await service.ResetAsync();
        service.Smtp.Start();
        await service.GivenNykvarnGivesNotice();
        await service.WaitForDistribution(s =>
            s.Documents.Any(d => d.Deliveries.Count == 7 && d.Deliveries.All(x => x.Status == DeliveryStatus.Sent))
        );

        // A flush exports at once whatever an exporter holds: with none, nothing arrives.
        service.Flush();

        Assert.Empty(service.Receiver.Requests);
        // And nothing was recorded to be exported: no pipeline listens to the requests' spans or the instruments.
        Assert.Null(service.Host.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
        Assert.Null(service.Host.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
    }
}
