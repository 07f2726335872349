using Governance.Municipalities;

namespace Governance.Agreement;

public sealed record CouncilDecision(DateOnly On, string Reference);

public sealed record PartyToInform(string Code, string? Name, bool Informed, DateOnly? InformedOn);

public sealed record PartyState(
    string Code,
    string? Name,
    PartyStatus Status,
    DateOnly SignedOn,
    DateOnly? NoticeReceivedOn,
    CouncilDecision? CouncilDecision,
    string? NoticeReceivedByChair,
    DateOnly? NoticePeriodStartsOn,
    DateOnly? LastDayOfMembership,
    DateOnly? WithdrawalDate,
    IReadOnlyList<PartyToInform> PartiesToInform
);

public sealed record AgreementState(
    DateOnly AsOf,
    AgreementStatus Status,
    DateOnly InForceFrom,
    IReadOnlyList<PartyState> Parties,
    IReadOnlyList<Amendment> Amendments,
    IReadOnlyList<AgreedDecisionRule> DecisionRules,
    Dissolution? Dissolution,
    int Version
)
{
    /// <summary>
    /// The agreement as it stood on a date: only what had happened by then, each party's status on that day.
    /// </summary>
    public static AgreementState Of(
        CooperationAgreement agreement,
        IReadOnlyList<Municipality> municipalities,
        DateOnly asOf
    )
    {
        var names = municipalities.ToDictionary(m => m.Code, m => m.Name);
        var parties = agreement
            .Parties.Select(party =>
            {
                var notice = agreement.NoticeOf(party.MunicipalityCode) is { } n && n.ReceivedOn <= asOf ? n : null;
                var toInform =
                    notice
                        ?.PartiesToInform.Select(code =>
                        {
                            var informed = notice.Informed.FirstOrDefault(i =>
                                i.MunicipalityCode == code && i.InformedOn <= asOf
                            );
                            return new PartyToInform(
                                code,
                                names.GetValueOrDefault(code),
                                informed is not null,
                                informed?.InformedOn
                            );
                        })
                        .ToList()
                    ?? [];
                return new PartyState(
                    party.MunicipalityCode,
                    names.GetValueOrDefault(party.MunicipalityCode),
                    agreement.PartyStatusOn(party.MunicipalityCode, asOf),
                    party.SignedOn,
                    notice?.ReceivedOn,
                    notice is null
                        ? null
                        : new CouncilDecision(notice.CouncilDecisionOn, notice.CouncilDecisionReference),
                    notice?.ReceivedByChair,
                    notice?.Period.StartsOn,
                    notice?.Period.LastDayOfMembership,
                    notice?.Period.WithdrawalDate,
                    toInform
                );
            })
            .ToList();

        return new AgreementState(
            asOf,
            agreement.StatusOn(asOf),
            agreement.InForceFrom,
            parties,
            [.. agreement.Amendments.Where(a => a.AdoptedOn <= asOf).OrderBy(a => a.AdoptedOn)],
            RulesInForce(agreement, asOf),
            agreement.Dissolution is { } d && d.DecidedOn <= asOf ? d : null,
            agreement.Version
        );
    }

    /// <summary>
    /// §3: the rules agreed by then; a later agreement for the same kind of matter replaces an earlier one.
    /// </summary>
    public static IReadOnlyList<AgreedDecisionRule> RulesInForce(CooperationAgreement agreement, DateOnly asOf) =>
        [
            .. agreement
                .DecisionRules.Where(r => r.AgreedOn <= asOf)
                .GroupBy(r => r.MatterKind)
                .Select(g => g.OrderBy(r => r.AgreedOn).Last())
                .OrderBy(r => r.MatterKind, StringComparer.Ordinal),
        ];
}
