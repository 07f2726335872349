using System.Globalization;
using System.Text;

namespace Governance.Bench;

/// <summary>The one table the benchmark prints: every measured path, then the goals with their figures.</summary>
public sealed class Report
{
    private readonly List<Measurement> _rows = [];
    private readonly List<(string Goal, string Figure, bool? Met)> _goals = [];

    public void Add(Measurement row)
    {
        _rows.Add(row);
        Console.Error.WriteLine(
            $"  {row.Path} x{row.Clients}: {row.PerSecond:F0}/s p95 {row.P95:F1} ms, {row.Errors} errors"
        );
    }

    public void Goal(string goal, string figure, bool met) => _goals.Add((goal, figure, met));

    /// <summary>A figure beside the goals that explains one (no goal of its own).</summary>
    public void Context(string what, string figure) => _goals.Add((what, figure, null));

    public IReadOnlyList<Measurement> Rows => _rows;

    public string Render(string heading)
    {
        var table = new StringBuilder()
            .AppendLine(heading)
            .AppendLine()
            .AppendLine("| path | clients | per s | p50 ms | p95 ms | p99 ms | errors | note |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var r in _rows)
            table.AppendLine(
                CultureInfo.InvariantCulture,
                $"| {r.Path} | {r.Clients} | {r.PerSecond:F0} | {r.P50:F1} | "
                    + $"{r.P95:F1} | {r.P99:F1} | {r.Errors} | {r.Note} |"
            );
        table.AppendLine().AppendLine("| goal | measured | met |").AppendLine("| --- | --- | --- |");
        foreach (var (goal, figure, met) in _goals)
            table.AppendLine(
                CultureInfo.InvariantCulture,
                $"| {goal} | {figure} | {(met is null ? "" : met.Value ? "yes" : "no")} |"
            );
        return table.ToString();
    }
}
