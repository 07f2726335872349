using System.Collections.Concurrent;
using Governance.Tests.Support;
using Marten;
using Marten.Services;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Governance.Tests.Operations;

/// <summary>
/// Every query the service's Marten sessions run while <see cref="Capturing"/> is on, with its parameters' values:
/// to be explained afterwards against the same database.
/// </summary>
public sealed class CapturedQueries : IMartenLogger, IMartenSessionLogger
{
    public sealed record Query(string Sql, IReadOnlyList<(object? Value, NpgsqlTypes.NpgsqlDbType? Type)> Parameters);

    private readonly ConcurrentQueue<Query> _queries = new();

    public bool Capturing { get; set; }

    private int _roundTrips;

    /// <summary>Commands and batches sent while capturing: each is one round trip to the database.</summary>
    public int RoundTrips => _roundTrips;

    public IReadOnlyList<Query> Take()
    {
        Interlocked.Exchange(ref _roundTrips, 0);
        var taken = new List<Query>();
        while (_queries.TryDequeue(out var query))
            taken.Add(query);
        return taken;
    }

    /// <summary>What one GET as the secretary ran, after it succeeded: its queries and its round trips.</summary>
    public Task<(IReadOnlyList<Query> Queries, int RoundTrips)> OfGetAsync(ServiceHost host, string path) =>
        OfAsync(path, () => host.Service.GetAsSecretaryAsync(path));

    /// <summary>What one request ran, after it succeeded: its queries and its round trips.</summary>
    public async Task<(IReadOnlyList<Query> Queries, int RoundTrips)> OfAsync(
        string what,
        Func<Task<HttpResponseMessage>> send
    )
    {
        Take();
        Capturing = true;
        using var response = await send();
        Capturing = false;
        Assert.True(response.IsSuccessStatusCode, $"{what}: {(int)response.StatusCode}");
        var roundTrips = RoundTrips;
        return (Take(), roundTrips);
    }

    /// <summary>The service on <paramref name="database"/>, applying its own schema, its queries kept here.</summary>
    public Task<ServiceHost> StartServiceAsync(TimeProvider clock, string database, TestSmtpServer smtp) =>
        ServiceHost.StartAsync(
            clock,
            database,
            smtp,
            new Dictionary<string, string?> { ["Governance:ApplySchemaOnStart"] = "true" },
            services => services.ConfigureMarten(options => options.Logger(this))
        );

    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) { }

    public void LogSuccess(NpgsqlCommand command)
    {
        Count();
        Keep(command.CommandText, command.Parameters);
    }

    public void LogSuccess(NpgsqlBatch batch)
    {
        Count();
        foreach (var command in batch.BatchCommands)
            Keep(command.CommandText, ((NpgsqlBatchCommand)command).Parameters);
    }

    public void LogFailure(NpgsqlCommand command, Exception ex) { }

    public void LogFailure(NpgsqlBatch batch, Exception ex) { }

    public void LogFailure(Exception ex, string message) { }

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }

    public void OnBeforeExecute(NpgsqlCommand command) { }

    public void OnBeforeExecute(NpgsqlBatch batch) { }

    private void Count()
    {
        if (Capturing)
            Interlocked.Increment(ref _roundTrips);
    }

    private void Keep(string sql, NpgsqlParameterCollection parameters)
    {
        if (!Capturing || !sql.TrimStart().StartsWith("select", StringComparison.OrdinalIgnoreCase))
            return;
        _queries.Enqueue(
            new Query(
                sql,
                [
                    .. parameters.Select(p =>
                        (
                            p.Value,
                            p.NpgsqlDbType == NpgsqlTypes.NpgsqlDbType.Unknown
                                ? (NpgsqlTypes.NpgsqlDbType?)null
                                : p.NpgsqlDbType
                        )
                    ),
                ]
            )
        );
    }
}
