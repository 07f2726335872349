using System.Net.Sockets;
using Governance.Infrastructure.Problems;
using Npgsql;

namespace Governance.Tests.Hosting;

/// <summary>Which failures mean "PostgreSQL cannot be reached" (503) and which are errors of another kind.</summary>
public class DatabaseOutageTests
{
    private static PostgresException Postgres(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    public static readonly TheoryData<Exception> Outages = new()
    {
        new NpgsqlException(
            "Failed to connect to 127.0.0.1:5432",
            new SocketException((int)SocketError.ConnectionRefused)
        ),
        new NpgsqlException("Exception while reading from stream", new EndOfStreamException()),
        new NpgsqlException("The operation has timed out", new TimeoutException()),
        Postgres("57P01"), // admin_shutdown: the server is stopping
        Postgres("57P02"), // crash_shutdown
        Postgres("57P03"), // cannot_connect_now: starting up
        Postgres("08006"), // connection_failure
        // As Marten and Wolverine hand them on: wrapped, or among several.
        new InvalidOperationException("wrapped", new NpgsqlException("refused", new SocketException(111))),
        new AggregateException(new ArgumentException("other"), Postgres("57P01")),
    };

    public static readonly TheoryData<Exception> Others = new()
    {
        Postgres("23505"), // unique_violation: a conflict, 409
        Postgres("42P01"), // undefined_table: a bug
        new NpgsqlException("no inner cause"),
        new TimeoutException("not the database's"),
        new InvalidOperationException("wrapped", Postgres("40001")),
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void a_connection_failure_is_an_outage(Exception exception) =>
        Assert.True(DatabaseOutage.IsCause(exception));

    [Theory]
    [MemberData(nameof(Others))]
    public void another_failure_is_not(Exception exception) => Assert.False(DatabaseOutage.IsCause(exception));
}
