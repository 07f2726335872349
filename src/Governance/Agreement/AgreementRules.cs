using System.Globalization;

namespace Governance.Agreement;

/// <summary>
/// The agreement's rules (samarbetsavtal, Bilaga 2) as pure checks: null when the command may be recorded.
/// </summary>
public static class AgreementRules
{
    public const string Parties = "§1 avtalsparter";
    public const string Term = "§2 avtalstid och uppsägning";
    public const string AlternativeRule = "§3 beslut i konsensus";
    public const string Amendment = "§9 utträde och ändring av avtalet";
    public const string Dissolution = "§10 upplösning";

    public static RuleViolation? CanConclude(
        CooperationAgreement? existing,
        IReadOnlyCollection<string> partyCodes,
        IReadOnlySet<string> registered
    )
    {
        if (existing is not null)
            return new(Parties, "Samarbetsavtalet är redan registrerat.");
        var unknown = partyCodes.Where(c => !registered.Contains(c)).ToList();
        if (unknown.Count > 0)
            return new(
                Parties,
                $"Endast registrerade kommuner kan vara avtalsparter; inte registrerade: {string.Join(", ", unknown)}."
            );
        return null;
    }

    public static RuleViolation? CanRegisterNotice(
        CooperationAgreement agreement,
        string code,
        DateOnly councilDecisionOn,
        DateOnly receivedOn
    )
    {
        if (NotDissolved(agreement) is { } dissolved)
            return dissolved;
        if (councilDecisionOn > receivedOn)
            return new(
                Term,
                $"Kommunfullmäktiges beslut ({Dates.Iso(councilDecisionOn)}) kan inte vara senare än dagen då "
                    + $"uppsägningen kom ordföranden tillhanda ({Dates.Iso(receivedOn)})."
            );
        if (receivedOn < agreement.InForceFrom)
            return new(
                Term,
                $"Avtalet gäller från {Dates.Iso(agreement.InForceFrom)}; "
                    + "en uppsägning kan inte ha kommit in före dess."
            );
        if (agreement.NoticeOf(code) is { } running)
            return new(
                Term,
                $"Kommunen {code} har redan sagt upp avtalet (mottaget {Dates.Iso(running.ReceivedOn)}, "
                    + $"utträde {Dates.Iso(running.Period.WithdrawalDate)})."
            );
        if (!agreement.IsMemberOn(code, receivedOn))
            return new(Term, $"Kommunen {code} är inte avtalspart den {Dates.Iso(receivedOn)}.");
        return null;
    }

    public static RuleViolation? CanRecordInformed(
        CooperationAgreement agreement,
        string terminatingCode,
        string informedCode,
        DateOnly informedOn
    )
    {
        if (NotDissolved(agreement) is { } dissolved)
            return dissolved;
        if (agreement.NoticeOf(terminatingCode) is not { } notice)
            return new(Term, $"Kommunen {terminatingCode} har inte sagt upp avtalet.");
        if (!notice.PartiesToInform.Contains(informedCode))
            return new(
                Term,
                $"Kommunen {informedCode} är inte en av de övriga avtalsparter som ska underrättas om uppsägningen."
            );
        if (notice.Informed.Any(i => i.MunicipalityCode == informedCode))
            return new(Term, $"Att kommunen {informedCode} har underrättats är redan antecknat.");
        if (informedOn < notice.ReceivedOn)
            return new(
                Term,
                $"Ordföranden kan inte ha underrättat före {Dates.Iso(notice.ReceivedOn)}, då uppsägningen kom in."
            );
        return null;
    }

    /// <summary>
    /// §9: the remaining parties (members without notice running) adopt amendments; none but members take part.
    /// </summary>
    public static RuleViolation? CanAmend(
        CooperationAgreement agreement,
        DateOnly adoptedOn,
        IReadOnlyCollection<string> adoptedBy
    )
    {
        if (NotDissolved(agreement) is { } dissolved)
            return dissolved;
        var members = agreement.MembersOn(adoptedOn);
        var outsiders = adoptedBy.Except(members).ToList();
        if (outsiders.Count > 0)
            return new(
                Amendment,
                $"Endast avtalsparter den {Dates.Iso(adoptedOn)} kan anta ändringar; "
                    + $"inte parter: {string.Join(", ", outsiders)}."
            );
        var remaining = members.Where(m => agreement.PartyStatusOn(m, adoptedOn) == PartyStatus.Member);
        var missing = remaining.Except(adoptedBy).ToList();
        return missing.Count > 0
            ? new(
                Amendment,
                $"Ändringen ska antas av samtliga kvarvarande parter; saknas: {string.Join(", ", missing)}."
            )
            : null;
    }

    /// <summary>
    /// §3: another decision rule applies only when every member of the committee (not just those present) agreed.
    /// </summary>
    public static RuleViolation? CanAgreeAlternativeRule(
        CooperationAgreement agreement,
        DateOnly agreedOn,
        IReadOnlyCollection<string> agreedBy
    )
    {
        if (NotDissolved(agreement) is { } dissolved)
            return dissolved;
        var members = agreement.MembersOn(agreedOn);
        var outsiders = agreedBy.Except(members).ToList();
        if (outsiders.Count > 0)
            return new(
                AlternativeRule,
                $"Endast ledamöter den {Dates.Iso(agreedOn)} kan komma överens; "
                    + $"inte medlemmar: {string.Join(", ", outsiders)}."
            );
        var missing = members.Except(agreedBy).ToList();
        return missing.Count > 0
            ? new(
                AlternativeRule,
                "En annan beslutsordning än konsensus kräver att samtliga ledamöter är överens; "
                    + $"saknas: {string.Join(", ", missing)}."
            )
            : null;
    }

    public static RuleViolation? NotDissolved(CooperationAgreement agreement) =>
        agreement.Dissolution is { } d
            ? new(
                Dissolution,
                $"Kommittén upplöstes {Dates.Iso(d.DecidedOn)} ({d.DecisionReference}); registret kan bara läsas."
            )
            : null;
}
