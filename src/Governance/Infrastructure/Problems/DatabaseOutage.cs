using System.Net.Sockets;
using Npgsql;

namespace Governance.Infrastructure.Problems;

/// <summary>
/// Tells a failure to reach PostgreSQL (server stopped, restarting, shutting down, network gone) from every other
/// database error: the first passes by itself and is answered 503, the rest are bugs or refusals.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>True when the exception, or any inside it (Marten and Wolverine wrap Npgsql's), is an outage.</summary>
    public static bool IsCause(Exception exception) => Chain(exception).Any(IsUnreachable);

    private static bool IsUnreachable(Exception e) =>
        e switch
        {
            // Class 08: connection exceptions; 57P01–57P03: the server is shutting down, crashed or not yet accepting.
            PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal)
                || p.SqlState is "57P01" or "57P02" or "57P03",
            // Refused or reset connections, broken streams of a server that went away, timeouts connecting or reading.
            NpgsqlException n => n.InnerException is SocketException or TimeoutException or IOException,
            _ => false,
        };

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var e))
        {
            yield return e;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions)
                    pending.Push(inner);
            else if (e.InnerException is { } inner)
                pending.Push(inner);
        }
    }
}
