using Governance.Infrastructure.Money;

namespace Governance.Fees;

/// <summary>
/// §8: each party's annual fee, by population. Under the per-capita rule the fee is the rate times the population at
/// the previous year end. Under the indexed rule the rule's first year splits its total by population (largest
/// remainder, whole kronor); each later year changes each party's fee by the same percentage as its own population
/// changed between the two latest year ends (rounded to whole kronor, so the total is the sum of the parts).
/// A party pays for the years it is a member on 1 January of; a withdrawn party drops out and nothing is refunded.
/// </summary>
public static class FeeSchedule
{
    public delegate int? Population(string code, int yearEnd);

    public static FeeCalculation For(
        int year,
        IReadOnlyList<FeeRule> rules,
        Func<int, IReadOnlyList<string>> membersOfYear,
        Population population
    )
    {
        var rule = FeeRule.InForce(rules, year);
        if (rule is null)
            return new FeeCalculation(year, null, [], ["Ingen avgiftsregel gäller för året."]);
        var members = membersOfYear(year);
        return rule.Kind == FeeRuleKind.PerCapita
            ? PerCapita(year, rule, members, population)
            : Indexed(year, rule, membersOfYear, population);
    }

    private static FeeCalculation PerCapita(
        int year,
        FeeRule rule,
        IReadOnlyList<string> members,
        Population population
    )
    {
        var lines = new List<FeeLine>();
        var missing = new List<string>();
        foreach (var code in members)
        {
            if (population(code, year - 1) is { } p)
                lines.Add(new FeeLine(code, p, year - 1, rule.PerInhabitant!.Value * p));
            else
                missing.Add(Missing(code, year - 1));
        }
        return new FeeCalculation(year, rule, lines, missing);
    }

    private static FeeCalculation Indexed(
        int year,
        FeeRule rule,
        Func<int, IReadOnlyList<string>> membersOfYear,
        Population population
    )
    {
        // The base year: the total split by population at the previous year end.
        var baseMembers = membersOfYear(rule.FromYear);
        var missing = baseMembers
            .Where(c => population(c, rule.FromYear - 1) is null)
            .Select(c => Missing(c, rule.FromYear - 1))
            .ToList();
        if (missing.Count > 0)
            return new FeeCalculation(year, rule, [], missing);
        var basePopulations = baseMembers.Select(c => (long)population(c, rule.FromYear - 1)!.Value).ToList();
        var shares = Allocation.LargestRemainder(rule.Total!.Value, basePopulations, Allocation.Krona);
        var fees = baseMembers.Select((c, i) => (c, shares[i])).ToDictionary(x => x.c, x => x.Item2);

        // Each later year: last year's fee times the party's own population change.
        for (var y = rule.FromYear + 1; y <= year; y++)
        {
            var next = new Dictionary<string, decimal>();
            foreach (var code in membersOfYear(y))
            {
                if (!fees.TryGetValue(code, out var previous))
                {
                    missing.Add(
                        $"{code} var inte part {y - 1}: "
                            + "avtalet anger ingen avgift för en ny part under den indexerade regeln."
                    );
                    continue;
                }
                var (latest, before) = (population(code, y - 1), population(code, y - 2));
                if (latest is null || before is null || before == 0)
                {
                    missing.Add(Missing(code, latest is null ? y - 1 : y - 2));
                    continue;
                }
                next[code] = decimal.Round(previous * latest.Value / before.Value, 0, MidpointRounding.AwayFromZero);
            }
            fees = next;
        }

        var lines = fees.Select(f => new FeeLine(f.Key, population(f.Key, year - 1) ?? 0, year - 1, f.Value)).ToList();
        return new FeeCalculation(year, rule, missing.Count > 0 ? [] : lines, missing);
    }

    private static string Missing(string code, int yearEnd) => $"Invånarantal saknas för {code} den {yearEnd}-12-31.";
}
