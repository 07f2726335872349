namespace Governance.Agreement;

public enum PartyStatus
{
    Member,
    NoticeRunning,
    Withdrawn,
}

public enum AgreementStatus
{
    NotYetInForce,
    InForce,
    Dissolved,
}

/// <summary>
/// Who is a member on a date, derived from the dated facts: a withdrawal takes effect on its date without anyone
/// acting, and a party with notice running is a full member until then (§2). After dissolution nobody is (§10).
/// </summary>
public static class Membership
{
    public static AgreementStatus StatusOn(this CooperationAgreement agreement, DateOnly date) =>
        agreement.Dissolution is { } d && date > d.DecidedOn ? AgreementStatus.Dissolved
        : date < agreement.InForceFrom ? AgreementStatus.NotYetInForce
        : AgreementStatus.InForce;

    /// <summary>A party's status as known on the date: notices received later were not known yet.</summary>
    public static PartyStatus PartyStatusOn(this CooperationAgreement agreement, string code, DateOnly date) =>
        agreement.NoticeOf(code) is not { } notice || notice.ReceivedOn > date ? PartyStatus.Member
        : date >= notice.Period.WithdrawalDate ? PartyStatus.Withdrawn
        : PartyStatus.NoticeRunning;

    /// <summary>The member municipalities (codes) on the date, those with notice running included.</summary>
    public static IReadOnlyList<string> MembersOn(this CooperationAgreement agreement, DateOnly date) =>
        agreement.StatusOn(date) != AgreementStatus.InForce
            ? []
            :
            [
                .. agreement
                    .Parties.Select(p => p.MunicipalityCode)
                    .Where(code => agreement.PartyStatusOn(code, date) != PartyStatus.Withdrawn),
            ];

    public static bool IsMemberOn(this CooperationAgreement agreement, string code, DateOnly date) =>
        agreement.MembersOn(date).Contains(code);
}
