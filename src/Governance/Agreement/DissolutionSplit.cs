using Governance.Municipalities;

namespace Governance.Agreement;

/// <summary>§10: assets and liabilities are split between the members by the fee principle (population).</summary>
public static class DissolutionSplit
{
    public static (int Year, IReadOnlyList<DissolutionShare> Shares)? Split(
        IReadOnlyList<Municipality> members,
        decimal assets,
        decimal liabilities,
        DateOnly decidedOn
    ) =>
        PopulationSplit.Of(members, [assets, liabilities], decidedOn) is { } split
            ? (
                split.Year,
                [.. split.Shares.Select(s => new DissolutionShare(s.Code, s.Population, s.Parts[0], s.Parts[1]))]
            )
            : null;

    public static RuleViolation NoCommonYear(IReadOnlyList<Municipality> members) =>
        PopulationSplit.NoCommonYear(AgreementRules.Dissolution, members);
}
