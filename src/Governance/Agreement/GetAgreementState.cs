using Governance.Municipalities;

namespace Governance.Agreement;

public sealed record Member(string Code, string? Name, PartyStatus Status, DateOnly? WithdrawalDate);

public sealed record MembershipOnDate(
    DateOnly On,
    AgreementStatus AgreementStatus,
    IReadOnlyList<Member> Members,
    int Count
);

public static class GetAgreementStateEndpoint
{
    /// <summary>
    /// The agreement now, or as it stood on a date: parties and their status, notices, amendments, rules, dissolution.
    /// </summary>
    [Authorize]
    [WolverineGet("/api/agreement", OperationId = "GetAgreementState")]
    public static async Task<AgreementState?> Get(
        DateOnly? asOf,
        IQuerySession session,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var agreement = await session.AgreementAsync(ct);
        if (agreement is null)
            return null;
        return AgreementState.Of(agreement, await session.MunicipalityRegisterAsync(ct), asOf ?? clock.Today());
    }

    /// <summary>The member municipalities on a date (today by default): the basis of quorum and fees.</summary>
    [Authorize]
    [WolverineGet("/api/agreement/members", OperationId = "GetMembershipOnDate")]
    public static async Task<MembershipOnDate?> GetMembers(
        DateOnly? on,
        IQuerySession session,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var agreement = await session.AgreementAsync(ct);
        if (agreement is null)
            return null;
        var date = on ?? clock.Today();
        var names = await MunicipalityNames.LoadAsync(session, ct);
        var members = agreement
            .MembersOn(date)
            .Select(code =>
                agreement.PartyStatusOn(code, date) is var status
                    ? new Member(
                        code,
                        names.GetValueOrDefault(code),
                        status,
                        status == PartyStatus.NoticeRunning ? agreement.NoticeOf(code)!.Period.WithdrawalDate : null
                    )
                    : null!
            )
            .OrderBy(m => m.Name, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true))
            .ToList();
        return new MembershipOnDate(date, agreement.StatusOn(date), members, members.Count);
    }
}
