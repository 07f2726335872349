using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Agreement;
using Governance.Calendar;
using Governance.Decisions;
using Governance.Distribution;
using Governance.Fees;
using Governance.Hosting.Cluster;
using Governance.Hosting.Database;
using Governance.Hosting.Projections;
using Governance.Hosting.Settings;
using Governance.Hosting.Telemetry;
using Governance.Infrastructure.Aggregates;
using Governance.Infrastructure.Api;
using Governance.Infrastructure.Health;
using Governance.Infrastructure.Http;
using Governance.Infrastructure.Security.Keys;
using Governance.Infrastructure.Validation;
using Governance.Meetings;
using Governance.Municipalities;
using Governance.Offices;
using Governance.Plans;
using Governance.Projects;
using Governance.Records.Chain;
using Governance.Records.Pdf;
using Governance.ReferenceData;
using JasperFx.CodeGeneration;
using JasperFx.Events.Daemon;
using Npgsql;
using Weasel.Core;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Http.Marten;

namespace Governance.Hosting;

public static class GovernanceHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The schema of Wolverine's durable inbox, outbox and dead letters.</summary>
    public const string MessageSchema = "wolverine";

    /// <summary>
    /// Configures the service. Returns the local PostgreSQL cluster it started (null when a database is configured or
    /// the cluster was already running): the caller stops it if the service fails to start; a normal stop already does.
    /// </summary>
    public static async Task<LocalPostgresCluster?> AddGovernanceAsync(
        this WebApplicationBuilder builder,
        string stateFolder,
        bool generatingCode = false,
        bool runningTheService = true
    )
    {
        // --urls, ASPNETCORE_URLS and DOTNET_URLS all arrive as "urls" (the ports variables as "http_ports" and
        // "https_ports"): whichever is set decides; only when none is does the service choose.
        if (new[] { "urls", "http_ports", "https_ports" }.All(k => string.IsNullOrWhiteSpace(builder.Configuration[k])))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Configuration mistakes first, before a database is started for nothing.
        var settings = GovernanceSettings.Add(builder, runningTheService && !generatingCode);
        builder.AddGovernanceAuthentication(stateFolder);
        builder.AddBrowserProtection();
        builder.AddGovernanceRateLimits();
        builder.AddForwardedHeadersTrust();

        var connectionString = DatabaseSetup.Configured(builder.Configuration);
        if (generatingCode)
        {
            // `codegen write` only describes the handlers: no database is needed or started.
            connectionString ??= "Host=127.0.0.1;Database=codegen";
        }
        else if (connectionString is null)
        {
            var (cluster, local) = await DatabaseSetup.StartLocalAsync(stateFolder);
            // First in, last out: stops after Wolverine and Marten.
            builder.Services.AddHostedService(_ => new LocalPostgresLifetime(cluster));
            Console.WriteLine(
                $"Local PostgreSQL {cluster.Port}: data in {cluster.DataDirectory}; "
                    + $"connect with: {cluster.PsqlHint(DatabaseSetup.DatabaseName)}"
            );
            try
            {
                builder.AddServices(local, settings, localCluster: true);
            }
            catch
            {
                cluster.Dispose();
                throw;
            }
            return cluster.StartedHere ? cluster : null;
        }
        builder.AddServices(connectionString, settings, localCluster: false);
        return null;
    }

    private static void AddServices(
        this WebApplicationBuilder builder,
        string connectionString,
        GovernanceSettings settings,
        bool localCluster
    )
    {
        var services = builder.Services;
        // Off in production by default: the service's database user needs no DDL rights (README, "The database user
        // without DDL rights").
        var applySchema = SchemaOnStart.IsOn(builder.Configuration, builder.Environment, localCluster);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => TelemetrySetup.CreateDataSource(connectionString));
        builder.AddGovernanceTelemetry();

        var marten = services
            .AddMarten(options =>
            {
                options.DatabaseSchemaName = "governance";
                options.AutoCreateSchemaObjects = SchemaOnStart.AutoCreate(applySchema);
                options.Serializer(new BufferedJsonSerializer { EnumStorage = EnumStorage.AsString });
                options.Events.MetadataConfig.CorrelationIdEnabled = true;
                options.Events.MetadataConfig.CausationIdEnabled = true;
                options.Events.MetadataConfig.UserNameEnabled = true;
                options.Events.MetadataConfig.HeadersEnabled = true;
                options.RegisterDocumentType<StoredKey>();
                options.ConfigureMunicipalities();
                options.ConfigureOffices();
                options.ConfigureAgreement();
                options.ConfigureMeetings();
                options.ConfigureFees();
                options.ConfigureProjects();
                options.ConfigurePlans();
                options.ConfigureDistribution();
                options.ConfigureRecords();
                options.ConfigureReadModelRegister();
                options.TrackTelemetry();
            })
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            .AddAsyncDaemon(DaemonMode.HotCold)
            .IntegrateWithWolverine(integration =>
            {
                integration.MessageStorageSchemaName = MessageSchema;
                // Events that create a duty to send reach the distribution handlers through the outbox, after commit.
                integration.UseFastEventForwarding = true;
            });
        // Inserted first, then the schema check before it: the first key is made once the schema is known to be there.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, FirstKeyAtStart>());
        if (applySchema)
            marten.ApplyAllDatabaseChangesOnStartup().InitializeWith<BuildMissingReadModels>();
        else
            services.AddSchemaCheck();

        builder.Host.UseWolverine(options =>
        {
            // Development compiles handler code at first use; the container image ships code generated
            // at build time (Governance:CodeGeneration=Static). See README, "Code generation".
            options.UseRuntimeCompilation();
            options.CodeGeneration.TypeLoadMode = builder.Configuration.GetValue(
                "Governance:CodeGeneration",
                TypeLoadMode.Dynamic
            );
            options.AutoBuildMessageStorageOnStartup = SchemaOnStart.AutoCreate(applySchema);
            options.Policies.AutoApplyTransactions();
            options.Policies.UseDurableLocalQueues();
            options.EnableRelayOfUserName = true;
            // The cluster's health check every few seconds would be a trace of its own each time.
            options.Durability.NodeAssignmentHealthCheckTracingEnabled = false;
            // How soon the other nodes take over a dead node's work (README, "Several nodes").
            settings.Durability.ApplyTo(options.Durability);
            // Deliveries of one termination notice complete together; recording them on the one agreement stream goes
            // one at a time.
            options.LocalQueueFor<RecordPartyInformedByDelivery>().Sequential();
            // Two messages racing on one stream: the loser tries again on the new version.
            options
                .OnException<JasperFx.ConcurrencyException>()
                .RetryWithCooldown(
                    TimeSpan.FromMilliseconds(50),
                    TimeSpan.FromMilliseconds(200),
                    TimeSpan.FromSeconds(1)
                );
            // PostgreSQL out of reach is not the message's fault: wait and try again for as long as the outage lasts,
            // never dead-letter it for that (the dead-letter store is in the same database anyway).
            options
                .OnException(DatabaseOutage.IsCause, "PostgreSQL cannot be reached")
                .CustomActionIndefinitely(
                    async (_, lifecycle, _) =>
                    {
                        await Task.Delay(TimeSpan.FromSeconds(DatabaseUnavailableExceptionHandler.RetryAfterSeconds));
                        await lifecycle.DeferAsync();
                    },
                    "wait for PostgreSQL, then requeue"
                );
        },
        // Its one module, runtime compilation, is applied above. Discovery would load every assembly shipped (PDF
        // charts and barcodes, spatial types, BouncyCastle, 22 in all) to read their attributes: 8 MB resident.
        ExtensionDiscovery.ManualOnly);

        services.AddGovernanceDataProtection(settings.KeyProtection);
        services.AddSingleton<ReceiptLinks>();
        services.AddSingleton<RenderedFeeds>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<EmailSender>();
        services.AddSingleton<DeliveryOutcomes>();
        services.AddSingleton<WebhookSender>();
        var webhooks = new WebhookConnections(development: builder.Environment.IsDevelopment());
        services.AddSingleton(webhooks);
        services
            .AddHttpClient(WebhookConnections.ClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(webhooks.Handler);

        services.AddWolverineHttp();
        services.ConfigureSystemTextJsonForWolverineOrMinimalApi(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            // A number is a number: "3" is not a version, and the contract says integer, not integer-or-string.
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        // The pages bring in MVC: its JSON (and so any client that reads through MVC formatters) speaks the same enums.
        services.Configure<JsonOptions>(json =>
            json.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase))
        );

        // Swedish messages that name the field as the client's JSON does ("registryEmail").
        ValidatorOptions.Global.LanguageManager.Culture = new CultureInfo("sv");
        // A rule chain stops at its first failure: "missing" is reported, not a crash of the checks that follow it.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        services.AddValidatorsFromAssemblyContaining<GovernanceAssembly>(
            ServiceLifetime.Singleton,
            includeInternalTypes: true
        );
        services.AddSingleton(typeof(RequestValidators<>));

        services.AddRazorPages();
        // Pages in Swedish: å, ä and ö are written as themselves, not as character references.
        services.AddWebEncoders(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(
                System.Text.Unicode.UnicodeRanges.All
            )
        );
        // Every problem, ours and the framework's, leaves in Swedish with a type that explains it (ProblemAnswers).
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemAnswers.Complete);
        services.AddExceptionHandler<ConflictExceptionHandler>();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddGovernanceOpenApi();
        services.AddHostedService<ReferenceDataLoader>();
        // Events are stamped by the same clock as everything else (the tests set it), not by the machine's directly.
        services.ConfigureMarten(
            (provider, options) => options.Events.TimeProvider = provider.GetRequiredService<TimeProvider>()
        );
        services.AddSingleton<ChainSealer>();
        services.AddSingleton<ChainVerifier>();
        services.AddSingleton<RecordAnchors>();
        services.AddHostedService<SealingService>();
        // Razor components rendered to HTML outside a request: the minutes for mail, webhook, PDF and the page.
        services.AddSingleton<Minutes.MinutesRenderer>();
        services.AddSingleton<ChromiumPdf>();
        services.AddSingleton<MinutesPublication>();
        services.AddSingleton<Records.Archive.IAgreementInForce, Records.Archive.RecordedAgreementInForce>();
        services.AddSingleton<Records.Archive.YearRecords>();
        services.AddSingleton<Records.Archive.ArchivePackage>();
    }

    public static void UseGovernance(this WebApplication app)
    {
        // Routing first, as the host would place it, but after HEAD is taken for GET.
        app.UseHeadAsGet();
        app.UseRouting();
        app.UseForwardedHeadersTrust();
        CommandMetrics.UseCommandMetrics(app);
        app.UseBrowserProtection();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseRateLimiter();
        // Swedish numbers and dates on the pages (2 012 800,00 kr); the API's JSON is culture-invariant regardless.
        app.UseRequestLocalization(options =>
            options.SetDefaultCulture("sv-SE").AddSupportedCultures("sv-SE").AddSupportedUICultures("sv-SE")
        );
        app.UseAuthentication();
        app.UseBrowserRequestForgeryCheck();
        app.UseAuthorization();
        app.UseCommandBodyCheck();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        app.MapGovernanceOpenApi();
        app.MapRazorPages();

        app.MapWolverineEndpoints(http =>
        {
            http.RejectUnparseableQueryValues = true;
            http.AddPolicy<AggregateMustExistPolicy>();
            http.AddPolicy<ReadOnlyAfterDissolutionPolicy>();
            // In front of the §10 check's agreement: both are read in one batch with the aggregate.
            http.AddPolicy<StreamHeadPolicy>();
            // Inserted at the front in turn: the body's validation runs first, then who may act for which municipality.
            http.AddPolicy<MunicipalityScopePolicy>();
            http.AddPolicy<FluentValidationPolicy>();
            http.AddPolicy<CommandBodyPolicy>();
            http.AddPolicy<OpenApiDocumentationPolicy>();
        });
    }
}

/// <summary>Marker for assembly scanning.</summary>
public sealed class GovernanceAssembly;
