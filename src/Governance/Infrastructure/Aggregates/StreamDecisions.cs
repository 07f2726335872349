using JasperFx.Events;

namespace Governance.Infrastructure.Aggregates;

/// <summary>
/// The steps every command on a stream fetched for writing takes: 404, stale version, the rule; then append.
/// </summary>
public static class StreamDecisions
{
    /// <summary>404 while the stream has no aggregate, 409 for a stale version, else the rule's answer.</summary>
    public static ProblemDetails Decide<T>(
        this IEventStream<T> stream,
        int expectedVersion,
        string notFound,
        Func<T, RuleViolation?> rule
    )
        where T : class
    {
        if (stream.Aggregate is null)
            return Problems.Problems.NotFound(notFound);
        if (stream.CurrentVersion != expectedVersion)
            return Problems.Problems.StaleVersion(expectedVersion, stream.CurrentVersion ?? 0);
        return rule(stream.Aggregate).OrContinue();
    }

    /// <summary>Appends the event and answers the stream's new version, for the client's next command.</summary>
    public static int AppendAndVersion<T>(this IEventStream<T> stream, object @event)
        where T : class
    {
        stream.AppendOne(@event);
        return (int)stream.CurrentVersion!.Value; // already counts the appended event
    }
}
