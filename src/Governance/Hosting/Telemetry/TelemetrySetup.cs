using JasperFx.OpenTelemetry;
using Governance.Hosting.Database;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Governance.Hosting.Telemetry;

/// <summary>
/// Logs, metrics and traces through one OpenTelemetry pipeline: HTTP requests, Wolverine handlers and messages,
/// Marten, Npgsql, SMTP (MailKit) and webhook calls (HttpClient), the runtime, and the service's own meter.
/// Exported by OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set. Without it the pipeline is not built at all: nothing
/// leaves the process, and nothing listens to the instruments, so no request records a span (the SDK's tracer records
/// every span it samples, exported or not: 3–12 % of the service's CPU for the distribution's API).
/// </summary>
public static class TelemetrySetup
{
    public const string DefaultServiceName = "governance";
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static void AddGovernanceTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<GovernanceMeter>();
        services.AddSingleton<CommandMetrics>();
        services.AddSingleton<OutboxDepthGauge>();
        services.AddSingleton<ProjectionLagGauge>();
        services.PostConfigure<ProblemDetailsOptions>(CommandMetrics.NoteRuleOfEachProblem);
        // MailKit's SMTP meter exists only once asked for; its spans need no call.
        MailKit.Telemetry.SmtpClient.Configure();
        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointVariable]))
            return;

        services
            .AddOpenTelemetry()
            // The default name first, then OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES over it.
            .ConfigureResource(resource => resource.AddService(DefaultServiceName).AddEnvironmentVariableDetector())
            .WithTracing(tracing =>
                tracing
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddSource("Wolverine", "Marten", MailKit.Telemetry.SmtpClient.ActivitySourceName)
            )
            .WithMetrics(metrics =>
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddMeter(GovernanceMeter.Name, "Marten", "Wolverine*", MailKit.Telemetry.SmtpClient.MeterName)
                    // The gauges exist as long as the meter provider that reads them.
                    .AddInstrumentation(provider => provider.GetRequiredService<OutboxDepthGauge>())
                    .AddInstrumentation(provider => provider.GetRequiredService<ProjectionLagGauge>())
            )
            .WithLogging(
                _ => { },
                logs =>
                {
                    logs.IncludeFormattedMessage = true;
                    logs.IncludeScopes = true;
                }
            )
            // Endpoint, protocol (grpc or http/protobuf), headers and intervals from the standard OTEL_ variables.
            .UseOtlpExporter();
    }

    /// <summary>Marten's span of each connection (with its commands' errors), its count of events appended.</summary>
    public static void TrackTelemetry(this StoreOptions options)
    {
        options.OpenTelemetry.TrackConnections = TrackLevel.Normal;
        options.OpenTelemetry.TrackEventCounters();
    }

    /// <summary>
    /// The service's data source, with the service's connection defaults (ConnectionDefaults). Npgsql traces only
    /// commands that run inside a trace (a request, a handler):
    /// the polling of Wolverine's durability agent and Marten's daemon would otherwise start a trace of one span
    /// every few seconds, burying the traces that matter.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(Database.ConnectionDefaults.Apply(connectionString)).WithSessionSetup(
            connectionString
        );
        Cluster.NodeName.Apply(builder.ConnectionStringBuilder);
        builder.ConfigureTracing(tracing =>
            tracing
                .ConfigureCommandFilter(_ => System.Diagnostics.Activity.Current is not null)
                .ConfigureBatchFilter(_ => System.Diagnostics.Activity.Current is not null)
        );
        return builder.Build();
    }

    /// <summary>Health probes come every few seconds and tell nothing a metric does not.</summary>
    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health");
}
