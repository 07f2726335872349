using JasperFx;
using Weasel.Core.Migrations;

namespace Governance.Hosting.Database;

/// <summary>
/// Whether the service creates and changes its own tables (Marten's and Wolverine's) when it starts:
/// Governance:ApplySchemaOnStart. On by default in Development and with the local cluster, where the service owns its
/// database; off otherwise, so that in production the service's database user needs no DDL rights: an operator applies
/// each version's schema changes with `db-apply` (or writes them to a file for a DBA with `db-patch`) as a user that
/// has them. Off, the service only reads and writes, and refuses to start while the schema does not match its version.
/// </summary>
public static class SchemaOnStart
{
    public const string Setting = "Governance:ApplySchemaOnStart";

    public static bool IsOn(IConfiguration configuration, IHostEnvironment environment, bool localCluster) =>
        configuration.GetValue<bool?>(Setting) ?? (environment.IsDevelopment() || localCluster);

    public static AutoCreate AutoCreate(bool on) => on ? JasperFx.AutoCreate.CreateOrUpdate : JasperFx.AutoCreate.None;

    /// <summary>Checks the schema before anything else starts (the first hosted service): no DDL is tried.</summary>
    public static void AddSchemaCheck(this IServiceCollection services)
    {
        services.AddSingleton<SchemaCheck>();
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(s => s.GetRequiredService<SchemaCheck>()));
    }

    /// <summary>
    /// Starts the schema check at once, where there is one, so that reading the database's catalog overlaps with the
    /// rest of the start (mapping the endpoints); the hosted services still wait for its verdict before any starts.
    /// </summary>
    public static void BeginSchemaCheck(this IServiceProvider services) => services.GetService<SchemaCheck>()?.Begin();
}

/// <summary>Refuses to start, saying what to run, when the schema is not the one this version expects.</summary>
internal sealed class SchemaCheck(
    IEnumerable<IDatabaseSource> sources,
    IDocumentStore store,
    Npgsql.NpgsqlDataSource dataSource
) : IHostedService
{
    private readonly Lock _lock = new();
    private Task? _comparing;

    public void Begin()
    {
        lock (_lock)
        {
            if (_comparing is not null)
                return;
            _comparing = Task.Run(CompareAsync);
            // Observed here too: a start that fails before the hosted services run leaves no unobserved fault.
            _comparing.ContinueWith(
                t => _ = t.Exception,
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted,
                TaskScheduler.Default
            );
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Begin();
        return _comparing!.WaitAsync(cancellationToken);
    }

    private async Task CompareAsync()
    {
        var differences = new List<string>();
        foreach (var source in sources)
        {
            foreach (var database in await source.BuildDatabases())
            {
                try
                {
                    await database.AssertDatabaseMatchesConfigurationAsync(CancellationToken.None);
                }
                catch (DatabaseValidationException e)
                {
                    // The message lists the DDL that is missing: enough of it to see what is behind.
                    differences.Add($"{database.Id}: {e.Message[..Math.Min(e.Message.Length, 2000)]}");
                }
            }
        }
        if (differences.Count == 0)
        {
            // The tables are there, but a read model this version adds was never built from the events before it.
            var missing = await Projections.ReadModelRegister.UnbuiltAsync(store, dataSource, CancellationToken.None);
            if (missing.Count == 0)
                return;
            differences.Add(
                $"read models not yet built from the events: {string.Join(", ", missing)} (`db-apply` builds them, "
                    + "after a DBA's scripts too)"
            );
        }
        throw new InvalidOperationException(
            $"The database schema is not the one this version of the service expects, and {SchemaOnStart.Setting} is "
                + "off, so the service does not change it itself. Apply it as a database user with DDL rights: "
                + "`dotnet Governance.dll db-apply` (or, to hand scripts to a DBA, "
                + "`dotnet Governance.dll db-patch <file.sql> -d marten://store/` and `-d wolverine://messages/main`), "
                + "then start the service again. See README, "
                + "\"Backups, restore, schema and upgrades\".\n"
                + string.Join('\n', differences)
        );
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
