using Governance.Infrastructure.Ids;

namespace Governance.Agreement;

public sealed record PartyInformed(string MunicipalityCode, DateOnly InformedOn);

public sealed record TerminationNotice(
    string MunicipalityCode,
    DateOnly CouncilDecisionOn,
    string CouncilDecisionReference,
    DateOnly ReceivedOn,
    string? ReceivedByChair,
    NoticePeriod Period,
    IReadOnlyList<string> PartiesToInform,
    IReadOnlyList<PartyInformed> Informed
);

/// <summary>§9: a clause's new wording (and heading, if it changes), in effect from its adoption or later.</summary>
public sealed record Amendment(
    string Clause,
    string NewWording,
    DateOnly AdoptedOn,
    string DecisionReference,
    IReadOnlyList<string> AdoptedBy,
    string? Heading = null,
    DateOnly? TakesEffectOn = null
)
{
    public DateOnly TakesEffect => TakesEffectOn ?? AdoptedOn;
}

public sealed record AgreedDecisionRule(
    string MatterKind,
    DecisionRule Rule,
    DateOnly AgreedOn,
    string DecisionReference,
    IReadOnlyList<string> AgreedBy
);

/// <summary>
/// §10: the dissolution; <c>MeetingId</c> names the meeting whose decision it was: the one whose record may be
/// finished.
/// </summary>
public sealed record Dissolution(
    DateOnly DecidedOn,
    string DecisionReference,
    decimal Assets,
    decimal Liabilities,
    int PopulationYear,
    IReadOnlyList<DissolutionShare> Shares,
    Guid? MeetingId = null,
    Guid? ItemId = null
);

/// <summary>
/// The cooperation agreement as recorded: every fact with its date. What held on a date is derived (<see
/// cref="Membership"/>).
/// </summary>
// "Det finns inget samarbetsavtal …": the name with its negative article, by the noun's gender.
[System.ComponentModel.DisplayName("inget samarbetsavtal")]
public sealed partial class CooperationAgreement
{
    /// <summary>One agreement per installation: Södertörn's.</summary>
    public static readonly Guid TheId = DeterministicGuid.For("agreement", "samarbetsavtal");

    public Guid Id { get; set; }
    public int Version { get; set; }
    public DateOnly InForceFrom { get; set; }
    public List<AgreementParty> Parties { get; set; } = [];
    public List<TerminationNotice> Notices { get; set; } = [];
    public List<Amendment> Amendments { get; set; } = [];
    public List<AgreedDecisionRule> DecisionRules { get; set; } = [];
    public Dissolution? Dissolution { get; set; }

    public static CooperationAgreement Create(AgreementConcluded e) =>
        new()
        {
            Id = e.AgreementId,
            InForceFrom = e.InForceFrom,
            Parties = [.. e.Parties],
        };

    public void Apply(TerminationNoticeRegistered e) =>
        Notices.Add(
            new TerminationNotice(
                e.MunicipalityCode,
                e.CouncilDecisionOn,
                e.CouncilDecisionReference,
                e.ReceivedOn,
                e.ReceivedByChair,
                new NoticePeriod(e.ReceivedOn, e.NoticePeriodStartsOn, e.LastDayOfMembership, e.WithdrawalDate),
                e.PartiesToInform,
                []
            )
        );

    public void Apply(PartyInformedOfTermination e) =>
        Notices = [
            .. Notices.Select(n =>
                n.MunicipalityCode != e.TerminatingMunicipalityCode
                    ? n
                    : n with
                    {
                        Informed = [.. n.Informed, new PartyInformed(e.InformedMunicipalityCode, e.InformedOn)],
                    }
            ),
        ];

    public void Apply(AgreementAmended e) =>
        Amendments.Add(
            new Amendment(
                e.Clause,
                e.NewWording,
                e.AdoptedOn,
                e.DecisionReference,
                e.AdoptedBy,
                e.Heading,
                e.TakesEffectOn
            )
        );

    public void Apply(AlternativeDecisionRuleAgreed e) =>
        DecisionRules.Add(new AgreedDecisionRule(e.MatterKind, e.Rule, e.AgreedOn, e.DecisionReference, e.AgreedBy));

    public void Apply(CommitteeDissolved e) =>
        Dissolution = new Dissolution(
            e.DecidedOn,
            e.DecisionReference,
            e.Assets,
            e.Liabilities,
            e.PopulationYear,
            e.Shares,
            e.MeetingId,
            e.ItemId
        );

    public TerminationNotice? NoticeOf(string code) => Notices.FirstOrDefault(n => n.MunicipalityCode == code);
}
