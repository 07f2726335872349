using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Governance.Hosting.Telemetry;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Governance.Tests.Telemetry;

/// <summary>The gauges read the database when collected; with the database out of reach they report nothing.</summary>
public sealed class GaugeOutageTests
{
    [Fact]
    public void with_postgresql_out_of_reach_the_gauges_report_nothing_and_throw_nothing()
    {
        var connectionString = $"Host=127.0.0.1;Port={ClosedPort()};Username=governance;Database=governance;Timeout=2";
        using var metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meter = new GovernanceMeter(metrics.GetRequiredService<IMeterFactory>());
        using var database = NpgsqlDataSource.Create(connectionString);
        using var store = DocumentStore.For(o =>
        {
            o.Connection(connectionString);
            o.DatabaseSchemaName = "governance";
        });
        _ = new OutboxDepthGauge(meter, database, NullLogger<OutboxDepthGauge>.Instance);
        _ = new ProjectionLagGauge(meter, database, store, NullLogger<ProjectionLagGauge>.Instance);

        var measured = new List<string>();
        using var listener = new MeterListener
        {
            // This meter's instruments only: other hosts of the test run have gauges of the same names.
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == meter.Meter)
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, _, _) => measured.Add(instrument.Name));
        listener.Start();

        listener.RecordObservableInstruments();
        listener.RecordObservableInstruments();

        Assert.Empty(measured);
    }

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
