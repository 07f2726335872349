using Governance.Agreement;
using Governance.Municipalities;

namespace Governance.Tests.Agreement;

/// <summary>Agreements built from events, as the store builds them, for the pure tests.</summary>
internal static class AgreementFixtures
{
    public static readonly DateTimeOffset Now = new(2021, 6, 20, 10, 0, 0, TimeSpan.Zero);
    public static readonly string[] Sodertorn = ["0127", "0136", "0126", "0140", "0192", "0128", "0181", "0138"];

    public static CooperationAgreement Concluded(params string[] codes) =>
        CooperationAgreement.Create(
            new AgreementConcluded(
                CooperationAgreement.TheId,
                [
                    .. (codes.Length == 0 ? Sodertorn : codes).Select(c => new AgreementParty(
                        c,
                        new DateOnly(2010, 6, 10)
                    )),
                ],
                new DateOnly(2010, 1, 1),
                "t",
                Now
            )
        );

    public static CooperationAgreement WithNotice(this CooperationAgreement agreement, string code, DateOnly receivedOn)
    {
        var period = NoticePeriod.For(receivedOn);
        agreement.Apply(
            new TerminationNoticeRegistered(
                agreement.Id,
                code,
                receivedOn.AddDays(-30),
                "KF §1",
                receivedOn,
                "Ordförande",
                period.StartsOn,
                period.LastDayOfMembership,
                period.WithdrawalDate,
                [.. agreement.MembersOn(receivedOn).Where(c => c != code)],
                "t",
                Now
            )
        );
        return agreement;
    }

    public static Municipality MunicipalityWith(
        string code,
        string name,
        params (int Year, int Population)[] populations
    )
    {
        var m = Municipality.Create(
            new MunicipalityRegistered(Municipality.IdFor(code), code, name, $"registrator@{code}.se", "t", Now)
        );
        foreach (var (year, population) in populations)
            m.Apply(new PopulationRecorded(m.Id, year, population, false, "SCB", "t", Now));
        return m;
    }
}
