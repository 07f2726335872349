namespace Governance.Records.Chain;

public enum ChainProblemKind
{
    /// <summary>The event's content or metadata no longer gives the hash it was recorded with.</summary>
    Changed,

    /// <summary>An event that was recorded (sealed, or named by its successor's version) is gone.</summary>
    Missing,

    /// <summary>An event stands where another was sealed, or does not follow the event it was chained to.</summary>
    OutOfOrder,

    /// <summary>An event older than the seal that the seal never saw: written into the table afterwards.</summary>
    AddedAfterSealing,

    /// <summary>An event written after chaining began that carries no hash: not appended by the service.</summary>
    NotChained,

    /// <summary>A row of the seal itself no longer chains to the one before it.</summary>
    SealChanged,
}

public sealed record ChainProblem(
    ChainProblemKind Kind,
    long Sequence,
    Guid StreamId,
    long Version,
    string Type,
    string Detail
)
{
    public string Label =>
        Kind switch
        {
            ChainProblemKind.Changed => "ändrad",
            ChainProblemKind.Missing => "saknas",
            ChainProblemKind.OutOfOrder => "i fel ordning",
            ChainProblemKind.AddedAfterSealing => "tillagd i efterhand",
            ChainProblemKind.NotChained => "saknar kontrollsumma",
            _ => "förseglingen ändrad",
        };

    public override string ToString() =>
        $"{Kind} (händelse nr {Sequence}, post {StreamId}, version {Version}, {Type}): {Detail}";
}

/// <summary>
/// The result of checking the whole record; at most <see cref="ChainVerifier.ProblemsKept"/> problems listed.
/// </summary>
public sealed record ChainReport(
    long EventsChecked,
    long EventsSealed,
    long EventsAwaitingSeal,
    string? Head,
    long? HeadSequence,
    long ProblemCount,
    IReadOnlyList<ChainProblem> Problems,
    TimeSpan Elapsed
)
{
    public bool Intact => ProblemCount == 0;

    /// <summary>The first broken link: the problem earliest in the record's order.</summary>
    public ChainProblem? FirstProblem => Problems.Count == 0 ? null : Problems[0];
}
