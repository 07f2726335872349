using Governance.Municipalities;

namespace Governance.Agreement;

/// <summary>The member municipalities on a date, with the register and the agreement they were read from.</summary>
public sealed record MembersOnDate(DateOnly On, IReadOnlyList<string> Codes, IReadOnlyList<Municipality> Register, CooperationAgreement? Agreement)
{
    /// <summary>Before the agreement is recorded every registered municipality counts as a member.</summary>
    public static async Task<MembersOnDate> LoadAsync(IQuerySession session, DateOnly on, CancellationToken ct)
    {
        // In Swedish alphabetical order, whatever order the rows are stored in (a rebuild or a restore rewrites them).
        var register = (await session.Query<Municipality>().ToListAsync(ct))
            .OrderBy(m => m.Name, SwedishOrder).ToList();
        var agreement = await session.LoadAsync<CooperationAgreement>(CooperationAgreement.TheId, ct);
        IReadOnlyList<string> codes = agreement is null ? [.. register.Select(m => m.Code)] : agreement.MembersOn(on);
        return new(on, codes, register, agreement);
    }

    private static readonly StringComparer SwedishOrder =
        StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), false);

    public IReadOnlyList<Municipality> Members => [.. Register.Where(m => Codes.Contains(m.Code))];

    public string NameOf(string code) => Register.FirstOrDefault(m => m.Code == code)?.Name ?? code;

    /// <summary>§3: the rule agreed for a kind of matter on the date, consensus otherwise.</summary>
    public DecisionRule RuleFor(string matterKind) =>
        Agreement is null ? DecisionRule.Consensus
        : AgreementState.RulesInForce(Agreement, On).FirstOrDefault(r => r.MatterKind == matterKind)?.Rule ?? DecisionRule.Consensus;
}
