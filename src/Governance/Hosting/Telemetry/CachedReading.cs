using System.Diagnostics;

namespace Governance.Hosting.Telemetry;

/// <summary>
/// A database reading behind an observable gauge: taken again only when the last is a few seconds old, waited for
/// briefly, and never thrown. While the database cannot be read the gauge reports nothing rather than a stale value.
/// </summary>
internal sealed class CachedReading<T>(Func<CancellationToken, Task<T>> read, ILogger logger)
    where T : class
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    // An export must not hang on a database that does not answer; the reading goes on and serves the next export.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private Task<T?>? _running;
    private T? _value;
    private long _takenAt = long.MinValue;

    public T? Current()
    {
        Task<T?> running;
        lock (_gate)
        {
            if (_takenAt != long.MinValue && Stopwatch.GetElapsedTime(_takenAt) < MaxAge)
                return _value;
            running = _running ??= Task.Run(TakeAsync);
        }
        return running.Wait(Patience) ? running.Result : null;
    }

    private async Task<T?> TakeAsync()
    {
        T? value = null;
        try
        {
            using var limit = new CancellationTokenSource(Limit);
            value = await read(limit.Token);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "A gauge could not read the database; it reports nothing until it can");
        }
        lock (_gate)
        {
            (_value, _takenAt, _running) = (value, Stopwatch.GetTimestamp(), null);
        }
        return value;
    }
}
