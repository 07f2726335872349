namespace Governance.Agreement;

// Events of the agreement's stream (samarbetsavtalet, one stream). Shipped events are never renamed or removed.

public record AgreementParty(string MunicipalityCode, DateOnly SignedOn);

public record AgreementConcluded(
    Guid AgreementId,
    IReadOnlyList<AgreementParty> Parties,
    DateOnly InForceFrom,
    string ConcludedBy,
    DateTimeOffset ConcludedAt
);

/// <summary>
/// §2: a party's notice, decided by its council, received by the chair; the period follows from the day of receipt.
/// </summary>
public record TerminationNoticeRegistered(
    Guid AgreementId,
    string MunicipalityCode,
    DateOnly CouncilDecisionOn,
    string CouncilDecisionReference,
    DateOnly ReceivedOn,
    string? ReceivedByChair,
    DateOnly NoticePeriodStartsOn,
    DateOnly LastDayOfMembership,
    DateOnly WithdrawalDate,
    IReadOnlyList<string> PartiesToInform,
    string RegisteredBy,
    DateTimeOffset RegisteredAt
);

/// <summary>§2: the chair has informed one of the other parties of a termination notice.</summary>
public record PartyInformedOfTermination(
    Guid AgreementId,
    string TerminatingMunicipalityCode,
    string InformedMunicipalityCode,
    DateOnly InformedOn,
    string RecordedBy,
    DateTimeOffset RecordedAt
);

/// <summary>
/// §9: an amendment adopted by the remaining parties: the clause's new wording, its new heading when it names one, in
/// effect from the adoption or from <paramref name="TakesEffectOn"/> (both added later: absent in earlier events).
/// </summary>
public record AgreementAmended(
    Guid AgreementId,
    string Clause,
    string NewWording,
    DateOnly AdoptedOn,
    string DecisionReference,
    IReadOnlyList<string> AdoptedBy,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    string? Heading = null,
    DateOnly? TakesEffectOn = null
);

/// <summary>§3: all members agreed that matters of a kind are decided by another rule than consensus.</summary>
public record AlternativeDecisionRuleAgreed(
    Guid AgreementId,
    string MatterKind,
    DecisionRule Rule,
    DateOnly AgreedOn,
    string DecisionReference,
    IReadOnlyList<string> AgreedBy,
    string RecordedBy,
    DateTimeOffset RecordedAt
);

public record DissolutionShare(string MunicipalityCode, int Population, decimal Assets, decimal Liabilities);

/// <summary>
/// §10: the committee decided to dissolve, at the meeting and agenda item named (absent in events recorded before
/// they were); assets and liabilities split by population (the fee principle).
/// </summary>
public record CommitteeDissolved(
    Guid AgreementId,
    DateOnly DecidedOn,
    string DecisionReference,
    decimal Assets,
    decimal Liabilities,
    int PopulationYear,
    IReadOnlyList<DissolutionShare> Shares,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    Guid? MeetingId = null,
    Guid? ItemId = null
);

public enum DecisionRule
{
    Consensus,
    MajorityOfPresent,
    TwoThirdsOfPresent,
}
