using System.Globalization;

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
    bool Reuse,
    string? Only = null,
    long MinimumEvents = 0
)
{
    public const int Clients = 8;

    /// <summary>
    /// Whether a path is measured: all of them, or with --only TEXT those whose name contains it (TEXT|TEXT… any one).
    /// </summary>
    public bool Measures(string path) =>
        Only is null || Only.Split('|').Any(text => path.Contains(text, StringComparison.OrdinalIgnoreCase));

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
        var only = Value("--only");
        BenchOptions options = scale switch
        {
            // A smoke test: a few meetings, a glance at each path.
            "small" => new(scale, 24, 10, 2021, 2, TimeSpan.FromSeconds(0.6), connection, code, reuse),
            "medium" => new(scale, 600, 20, 2011, 12, TimeSpan.FromSeconds(2), connection, code, reuse),
            // 5 000 meetings, 100 000 decisions: the size of a long-kept archive.
            "large" => new(scale, 5000, 20, 2011, 13, TimeSpan.FromSeconds(3), connection, code, reuse)
            {
                MinimumEvents = 1_000_000,
            },
            _ => throw new ArgumentException($"--scale small|medium|large, not {scale}"),
        };
        // --seconds N measures each path for N seconds (commands for twice that), after a warm-up of half that.
        return Value("--seconds") is { } seconds
            ? options with
            {
                Only = only,
                Measure = TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture)),
            }
            : options with { Only = only };
    }
}
