using Governance.Hosting.Settings;
using Wolverine;

namespace Governance.Hosting.Cluster;

/// <summary>
/// How soon the nodes notice that one of them died and take over its work (section Governance:Durability), by
/// Wolverine's own names. Every node writes a heartbeat each HealthCheckPollingTime; a node silent for
/// StaleNodeTimeout is ejected by the others at their next two checks, which releases its unfinished messages to the
/// durability agent of a surviving node (moved there first if it ran on the dead one). The defaults bound that at
/// about a minute (<see cref="TakeoverBound"/>); README, "Several nodes".
/// </summary>
public sealed class DurabilityOptions
{
    public const string Section = "Governance:Durability";

    /// <summary>Heartbeat and leadership check; Wolverine's default is 10 s.</summary>
    public TimeSpan HealthCheckPollingTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Silence after which a node counts as dead; Wolverine's default is 1 minute. Long enough that a live node under a
    /// garbage collection or a slow database is not ejected (its messages would then run twice, harmlessly but
    /// noisily), short enough that a dead node's deliveries wait well under a minute.
    /// </summary>
    public TimeSpan StaleNodeTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Due scheduled messages (delivery retries) and released messages are looked for this often.</summary>
    public TimeSpan ScheduledJobPollingTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages still owned by an ejected node are released this often.</summary>
    public TimeSpan OrphanedMessageSweepPollingTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a node reassigns persisted messages of nodes found offline.</summary>
    public TimeSpan NodeReassignmentPollingTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages recovered per query (Wolverine's default).</summary>
    public int RecoveryBatchSize { get; set; } = 100;

    /// <summary>
    /// The longest a dead node's unfinished work waits for another node: silence, two more checks to eject it, one to
    /// move the durability agent, then one sweep and one recovery poll (each started within a polling period).
    /// </summary>
    public TimeSpan TakeoverBound =>
        StaleNodeTimeout
        + 3 * HealthCheckPollingTime
        + OrphanedMessageSweepPollingTime
        + 2 * ScheduledJobPollingTime
        + TimeSpan.FromSeconds(1);

    public void Check(SettingProblems problems)
    {
        foreach (
            var (name, value) in new[]
            {
                (nameof(HealthCheckPollingTime), HealthCheckPollingTime),
                (nameof(StaleNodeTimeout), StaleNodeTimeout),
                (nameof(ScheduledJobPollingTime), ScheduledJobPollingTime),
                (nameof(OrphanedMessageSweepPollingTime), OrphanedMessageSweepPollingTime),
                (nameof(NodeReassignmentPollingTime), NodeReassignmentPollingTime),
            }
        )
        {
            if (value <= TimeSpan.Zero)
                problems.Invalid($"{Section}:{name}", $"is {value}: a positive time, e.g. 00:00:05");
        }
        if (StaleNodeTimeout < 3 * HealthCheckPollingTime)
            problems.Invalid(
                $"{Section}:{nameof(StaleNodeTimeout)}",
                $"is {StaleNodeTimeout}: at least three "
                    + $"heartbeats ({nameof(HealthCheckPollingTime)} {HealthCheckPollingTime}), "
                    + "or live nodes are ejected"
            );
        if (RecoveryBatchSize < 1)
            problems.Invalid($"{Section}:{nameof(RecoveryBatchSize)}", "is not a positive number");
    }

    public void ApplyTo(DurabilitySettings durability)
    {
        durability.HealthCheckPollingTime = HealthCheckPollingTime;
        durability.StaleNodeTimeout = StaleNodeTimeout;
        durability.ScheduledJobPollingTime = ScheduledJobPollingTime;
        // The first poll within one period, at a different moment on each node (Wolverine's default is up to 5 s).
        durability.ScheduledJobFirstExecution = ScheduledJobPollingTime * Random.Shared.NextDouble();
        durability.OrphanedMessageSweepPollingTime = OrphanedMessageSweepPollingTime;
        durability.NodeReassignmentPollingTime = NodeReassignmentPollingTime;
        durability.RecoveryBatchSize = RecoveryBatchSize;
    }
}
