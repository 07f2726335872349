using JasperFx.Events.Projections;
using System.Reflection;
using Governance.Hosting.Cluster;
using Marten.Schema;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Governance.Hosting.Projections;

/// <summary>
/// The read models this database has, by projection name (and shape, once a read model's stored shape has changed:
/// <see cref="ReadModelShapeAttribute"/>). A version that adds a projection, or changes what its documents hold, finds
/// its entry missing here and builds it from the events already recorded when its schema is applied (`db-apply`, or
/// the start where the service applies its own schema): otherwise the new read model would begin empty on an upgraded
/// store and answer as if nothing had been recorded before the upgrade, and a reshaped one would keep its old shape.
/// </summary>
public static class ReadModelRegister
{
    public const string TableName = "read_model";

    public static void ConfigureReadModelRegister(this StoreOptions options)
    {
        var table = new Table(
            new PostgresqlObjectName(options.DatabaseSchemaName, TableName, SchemaUtils.IdentifierUsage.General)
        );
        table.AddColumn<string>("projection").AsPrimaryKey();
        table.AddColumn("built_at", "timestamp with time zone").NotNull().DefaultValueByExpression("now()");
        options.Storage.ExtendedSchemaObjects.Add(table);
    }

    /// <summary>A read model's entry in the register: its projection's name, and its shape after the first.</summary>
    public static string Entry(string projection, int shape) => shape > 1 ? $"{projection} v{shape}" : projection;

    /// <summary>The entries this version declares, each with the projection it builds.</summary>
    public static IReadOnlyDictionary<string, string> Declared(IDocumentStore store) =>
        store
            .Options.Events.Projections()
            .GroupBy(p => p.Name)
            .ToDictionary(
                g => Entry(
                    g.Key,
                    g.OfType<IProjectionSource<IDocumentOperations, IQuerySession>>()
                        .SelectMany(p => p.PublishedTypes())
                        .Select(t => t.GetCustomAttribute<ReadModelShapeAttribute>()?.Version ?? 1)
                        .DefaultIfEmpty(1)
                        .Max()
                ),
                g => g.Key,
                StringComparer.Ordinal
            );

    /// <summary>
    /// The entries to build from the events: those not yet in the register, when there are events to build them from
    /// (a new database only records them).
    /// </summary>
    public static IReadOnlyList<string> ToBuild(
        IEnumerable<string> projections,
        IReadOnlySet<string> registered,
        bool anyEvents
    ) => anyEvents ? [.. projections.Where(p => !registered.Contains(p))] : [];

    /// <summary>
    /// Builds the read models the register lacks from the events, then records them; returns those it built. Nodes
    /// doing it at once do it one after the other (the later finds nothing left). The service must take no command
    /// meanwhile: it runs while the schema is applied, before the service starts.
    /// </summary>
    public static Task<IReadOnlyList<string>> BuildMissingAsync(
        IDocumentStore store,
        NpgsqlDataSource dataSource,
        CancellationToken ct
    ) => SettleAsync(store, dataSource, build: true, ct);

    /// <summary>
    /// For a service that does not apply its schema: the read models that would have to be built from the events
    /// first (`db-apply` does it). Where there are no events yet (a new database set up by a DBA's scripts), there is
    /// nothing to build, and the names are recorded here.
    /// </summary>
    public static Task<IReadOnlyList<string>> UnbuiltAsync(
        IDocumentStore store,
        NpgsqlDataSource dataSource,
        CancellationToken ct
    ) => SettleAsync(store, dataSource, build: false, ct);

    private static async Task<IReadOnlyList<string>> SettleAsync(
        IDocumentStore store,
        NpgsqlDataSource dataSource,
        bool build,
        CancellationToken ct
    )
    {
        var entries = Declared(store);
        var declared = entries.Keys.Order(StringComparer.Ordinal).ToList();
        // Every start passes here, and nearly always finds every name: then it takes no lock, and reads once.
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
            if (declared.All((await RegisteredAsync(connection, store, ct)).Contains))
                return [];
        IReadOnlyList<string> toBuild = [];
        await StartLock.RunAsync(dataSource, "read-models", async token => toBuild = await UnderLockAsync(token), ct);
        return toBuild;

        async Task<IReadOnlyList<string>> UnderLockAsync(CancellationToken token)
        {
            await using var connection = await dataSource.OpenConnectionAsync(token);
            // Read again under the lock: another node may have built and recorded them meanwhile.
            var registered = await RegisteredAsync(connection, store, token);
            if (declared.All(registered.Contains))
                return [];
            await using var events = new NpgsqlCommand(
                $"select exists (select 1 from {store.Options.Events.DatabaseSchemaName}.mt_events)",
                connection
            );
            var missing = ToBuild(declared, registered, (bool)(await events.ExecuteScalarAsync(token))!);
            if (missing.Count > 0 && !build)
                return missing;
            if (missing.Count > 0)
                await ProjectionRebuild.RebuildAsync(store, missing.Select(m => entries[m]).Distinct(), token);
            await using var record = new NpgsqlCommand(
                $"insert into {Table(store)} (projection) select unnest($1::text[]) on conflict do nothing",
                connection
            );
            record.Parameters.Add(new NpgsqlParameter { Value = declared.ToArray() });
            await record.ExecuteNonQueryAsync(token);
            return missing;
        }
    }

    /// <summary>
    /// Whether `db-apply` with these arguments applied the document store's schema: all of it, or a `--database`
    /// (`-d`) filter other than Wolverine's message store (`wolverine://…`), whose tables hold no read model.
    /// </summary>
    public static bool AppliedDocumentStore(IReadOnlyList<string> args)
    {
        for (var i = 1; i < args.Count; i++)
        {
            var filter = args[i] switch
            {
                "-d" or "--database" when i + 1 < args.Count => args[i + 1],
                var a when a.StartsWith("--database=", StringComparison.Ordinal) => a["--database=".Length..],
                _ => null,
            };
            if (filter is not null)
                return !filter.StartsWith("wolverine://", StringComparison.OrdinalIgnoreCase);
        }
        return true;
    }

    /// <summary>After `db-apply`: builds the read models this version adds and says which; the exit code.</summary>
    public static async Task<int> AfterSchemaAppliedAsync(IServiceProvider services, TextWriter output)
    {
        var built = await BuildMissingAsync(
            services.GetRequiredService<IDocumentStore>(),
            services.GetRequiredService<NpgsqlDataSource>(),
            CancellationToken.None
        );
        if (built.Count > 0)
            await output.WriteLineAsync($"Built from the events recorded: {string.Join(", ", built)}.");
        return 0;
    }

    private static async Task<HashSet<string>> RegisteredAsync(
        NpgsqlConnection connection,
        IDocumentStore store,
        CancellationToken ct
    )
    {
        await using var command = new NpgsqlCommand($"select projection from {Table(store)}", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
            names.Add(reader.GetString(0));
        return names;
    }

    private static string Table(IDocumentStore store) => $"{store.Options.DatabaseSchemaName}.{TableName}";
}

/// <summary>Where the service applies its own schema, it builds the missing read models right after.</summary>
internal sealed class BuildMissingReadModels(NpgsqlDataSource dataSource) : IInitialData
{
    public Task Populate(IDocumentStore store, CancellationToken cancellation) =>
        ReadModelRegister.BuildMissingAsync(store, dataSource, cancellation);
}
