namespace Governance.Fees;

public enum FeeRuleKind
{
    /// <summary>
    /// §8 as signed: a total split by population at a base year end, then each party's fee indexed by its own
    /// population change.
    /// </summary>
    IndexedTotal,

    /// <summary>
    /// The committee's decision of 2017-02-02: a fixed amount per inhabitant at the previous year end.
    /// </summary>
    PerCapita,
}

/// <summary>
/// A fee rule in force for fee years from <paramref name="FromYear"/> on, until a later rule replaces it.
/// </summary>
public sealed record FeeRule(
    FeeRuleKind Kind,
    int FromYear,
    decimal? Total,
    decimal? PerInhabitant,
    DateOnly DecidedOn,
    string DecisionReference
)
{
    public static FeeRule? InForce(IEnumerable<FeeRule> rules, int year) =>
        rules.Where(r => r.FromYear <= year).OrderBy(r => r.FromYear).ThenBy(r => r.DecidedOn).LastOrDefault();
}

public sealed record FeeLine(string Code, int Population, int PopulationYear, decimal Fee);

public sealed record FeeCalculation(
    int Year,
    FeeRule? Rule,
    IReadOnlyList<FeeLine> Lines,
    IReadOnlyList<string> Missing
)
{
    public decimal Total => Lines.Sum(l => l.Fee);
    public bool IsComplete => Rule is not null && Missing.Count == 0;
}
