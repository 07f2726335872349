using Governance.Municipalities;

namespace Governance.Agreement;

/// <summary>The member municipalities on a date, with the register and the agreement they were read from.</summary>
public sealed record MembersOnDate(
    DateOnly On,
    IReadOnlyList<string> Codes,
    IReadOnlyList<Municipality> Register,
    CooperationAgreement? Agreement
)
{
    /// <summary>Before the agreement is recorded every registered municipality counts as a member.</summary>
    public static async Task<MembersOnDate> LoadAsync(IQuerySession session, DateOnly on, CancellationToken ct)
    {
        var agreement = await session.AgreementAsync(ct);
        // In Swedish alphabetical order, whatever order the rows are stored in (a rebuild or a restore rewrites them).
        var register = (await session.MunicipalityRegisterAsync(ct))
            .OrderBy(m => m.Name, SwedishOrder)
            .ToList();
        IReadOnlyList<string> codes = agreement is null ? [.. register.Select(m => m.Code)] : agreement.MembersOn(on);
        return new(on, codes, register, agreement);
    }

    /// <summary>
    /// Only who is a member (and the agreement's rules): what a command on a meeting decides by. The register is not
    /// read unless there is no agreement yet; <see cref="Register"/> is then empty and names are the codes.
    /// </summary>
    public static async Task<MembersOnDate> CodesAsync(IQuerySession session, DateOnly on, CancellationToken ct)
    {
        var agreement = await session.AgreementAsync(ct);
        IReadOnlyList<string> codes = agreement is not null
            ? agreement.MembersOn(on)
            : [.. (await session.MunicipalityRegisterAsync(ct)).Select(m => m.Code)];
        return new(on, codes, [], agreement);
    }

    private static readonly StringComparer SwedishOrder = StringComparer.Create(
        new System.Globalization.CultureInfo("sv-SE"),
        false
    );

    public IReadOnlyList<Municipality> Members => [.. Register.Where(m => Codes.Contains(m.Code))];

    public string NameOf(string code) => Register.FirstOrDefault(m => m.Code == code)?.Name ?? code;

    /// <summary>§3: the rule agreed for a kind of matter on the date, consensus otherwise.</summary>
    public DecisionRule RuleFor(string matterKind) =>
        Agreement is null
            ? DecisionRule.Consensus
            : AgreementState.RulesInForce(Agreement, On).FirstOrDefault(r => r.MatterKind == matterKind)?.Rule
                ?? DecisionRule.Consensus;
}
