using Governance.Infrastructure.Money;

namespace Governance.Municipalities;

public sealed record PopulationShare(string Code, int Population, IReadOnlyList<decimal> Parts);

/// <summary>
/// The agreement's split principle (§7, §8, §10): amounts divided between municipalities by population at the latest
/// year end recorded for all of them, to the öre, the parts adding up exactly to each amount.
/// </summary>
public static class PopulationSplit
{
    /// <summary>
    /// Splits by the latest year end before the decision (<paramref name="decidedOn"/>) recorded for all of them.
    /// </summary>
    public static (int Year, IReadOnlyList<PopulationShare> Shares)? Of(
        IReadOnlyList<Municipality> municipalities,
        IReadOnlyList<decimal> amounts,
        DateOnly decidedOn
    )
    {
        if (municipalities.Count == 0)
            return null;
        var years = municipalities
            .Select(m => m.Populations.Select(p => p.Year).Where(y => y < decidedOn.Year).ToHashSet())
            .Aggregate((a, b) => [.. a.Intersect(b)]);
        if (years.Count == 0)
            return null;
        var year = years.Max();
        var populations = municipalities.Select(m => (long)m.PopulationAtYearEnd(year)!.Population).ToList();
        var parts = amounts.Select(a => Allocation.LargestRemainder(a, populations)).ToList();
        return (
            year,
            [
                .. municipalities.Select(
                    (m, i) => new PopulationShare(m.Code, (int)populations[i], [.. parts.Select(p => p[i])])
                ),
            ]
        );
    }

    public static RuleViolation NoCommonYear(string rule, IReadOnlyList<Municipality> municipalities) =>
        new(
            rule,
            "Fördelningen görs efter invånarantal, "
                + "men det finns inget årsskifte med invånarantal registrerat för alla: "
                + string.Join(
                    ", ",
                    municipalities.Select(m =>
                        $"{m.Name} ({string.Join(", ", m.Populations.Select(p => p.Year).Order())})"
                    )
                )
        );
}
