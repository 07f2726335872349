namespace Governance.Bench;

/// <summary>How much to seed and how long to measure, by scale; and where the database is.</summary>
public sealed record BenchOptions(
    string Scale,
    int Meetings,
    int ItemsPerMeeting,
    int FirstYear,
    int Years,
    TimeSpan Measure,
    string? ConnectionString,
    string CodeGeneration,
    bool Reuse
)
{
    public const int Clients = 8;

    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) =>
            args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } v
            && !v.StartsWith("--", StringComparison.Ordinal)
                ? v
                : null;
        var scale = Value("--scale") ?? "small";
        var connection = Value("--connection") ?? Environment.GetEnvironmentVariable("GOVERNANCE_BENCH_DB");
        var code = Value("--code") ?? "Dynamic";
        var reuse = args.Contains("--reuse");
        return scale switch
        {
            // A smoke test: a few meetings, a glance at each path.
            "small" => new(scale, 24, 10, 2021, 2, TimeSpan.FromSeconds(0.6), connection, code, reuse),
            "medium" => new(scale, 600, 20, 2011, 12, TimeSpan.FromSeconds(2), connection, code, reuse),
            // 5 000 meetings, 100 000 decisions: the size of a long-kept archive.
            "large" => new(scale, 5000, 20, 2011, 13, TimeSpan.FromSeconds(3), connection, code, reuse),
            _ => throw new ArgumentException($"--scale small|medium|large, not {scale}"),
        };
    }
}
