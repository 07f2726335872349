using System.Diagnostics;

namespace Governance.Bench;

/// <summary>One row of the table: a path at a number of clients, its rate, latencies and errors.</summary>
public sealed record Measurement(
    string Path,
    int Clients,
    double PerSecond,
    double P50,
    double P95,
    double P99,
    int Errors,
    string Note = ""
)
{
    /// <summary>A count over a span of time as one row: its rate, with the count and the time in the note.</summary>
    public static Measurement Counted(string path, int clients, long count, TimeSpan elapsed) =>
        new(
            path,
            clients,
            count / elapsed.TotalSeconds,
            0,
            0,
            0,
            0,
            $"{count:N0} events in {elapsed.TotalSeconds:F1} s"
        );
}

/// <summary>Runs an operation from several clients for a while and measures each call.</summary>
public static class LoadRunner
{
    /// <summary>
    /// <paramref name="operation"/> gets the client's number and answers whether the call succeeded. The same load runs
    /// unmeasured for half the duration first, so the figures are of a service in its steady state: the runtime has
    /// recompiled the path's hot code and the caches it needs are warm.
    /// </summary>
    public static async Task<Measurement> RunAsync(
        string path,
        int clients,
        TimeSpan duration,
        Func<int, CancellationToken, Task<bool>> operation
    )
    {
        await DriveAsync(clients, duration / 2, operation);
        var watch = Stopwatch.StartNew();
        var (latencies, errors) = await DriveAsync(clients, duration, operation);
        var elapsed = watch.Elapsed.TotalSeconds;
        var all = latencies.Order().ToArray();
        return new Measurement(
            path,
            clients,
            all.Length / elapsed,
            Percentile(all, 0.50),
            Percentile(all, 0.95),
            Percentile(all, 0.99),
            errors
        );
    }

    private static async Task<(IEnumerable<double> Latencies, int Errors)> DriveAsync(
        int clients,
        TimeSpan duration,
        Func<int, CancellationToken, Task<bool>> operation
    )
    {
        var latencies = new List<double>[clients];
        var errors = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(
            Enumerable
                .Range(0, clients)
                .Select(client =>
                    Task.Run(async () =>
                    {
                        var own = latencies[client] = [];
                        while (watch.Elapsed < duration)
                        {
                            var started = Stopwatch.GetTimestamp();
                            var ok = await Safely(operation, client);
                            own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                            if (!ok)
                                Interlocked.Increment(ref errors);
                        }
                    })
                )
        );
        return (latencies.SelectMany(l => l), errors);
    }

    private static async Task<bool> Safely(Func<int, CancellationToken, Task<bool>> operation, int client)
    {
        try
        {
            return await operation(client, CancellationToken.None);
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
