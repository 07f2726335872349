using Governance.Infrastructure.Money;
using Governance.Infrastructure.Problems;
using Governance.Municipalities;

namespace Governance.Agreement;

/// <summary>
/// §10: assets and liabilities are split between the members by the fee principle — population at the latest
/// year end recorded for every member — to the öre, the parts adding up exactly to each whole.
/// </summary>
public static class DissolutionSplit
{
    public static (int Year, IReadOnlyList<DissolutionShare> Shares)? Split(
        IReadOnlyList<Municipality> members, decimal assets, decimal liabilities)
    {
        if (members.Count == 0) return null;
        var years = members.Select(m => m.Populations.Select(p => p.Year).ToHashSet()).Aggregate((a, b) => [.. a.Intersect(b)]);
        if (years.Count == 0) return null;
        var year = years.Max();

        var populations = members.Select(m => (long)m.PopulationAtYearEnd(year)!.Population).ToList();
        var assetParts = Allocation.LargestRemainder(assets, populations);
        var liabilityParts = Allocation.LargestRemainder(liabilities, populations);
        return (year, [.. members.Select((m, i) => new DissolutionShare(m.Code, (int)populations[i], assetParts[i], liabilityParts[i]))]);
    }

    public static RuleViolation NoCommonYear(IReadOnlyList<Municipality> members) => new(AgreementRules.Dissolution,
        "Fördelningen görs efter invånarantal, men det finns inget årsskifte med invånarantal registrerat för alla medlemmar: " +
        string.Join(", ", members.Select(m => $"{m.Name} ({string.Join(", ", m.Populations.Select(p => p.Year).Order())})")));
}
