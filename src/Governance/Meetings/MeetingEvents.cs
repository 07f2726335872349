using Governance.Agreement;
using Governance.Offices;

namespace Governance.Meetings;

public enum MeetingKind
{
    Ordinary,
    Extra,
    PlanningConference,
}

public enum AttendanceRole
{
    Member,
    Director,
    Guest,
}

/// <summary>§3: presence by telephone or video conference counts as presence.</summary>
public enum PresenceMode
{
    InPerson,
    Phone,
    Video,
}

public enum OutcomeKind
{
    Decided,
    NotDecided,
    Tabled,
}

// Events of a meeting's stream. Times of day are Stockholm local time on the meeting's date.

public record MeetingScheduled(
    Guid MeetingId,
    Body Body,
    MeetingKind Kind,
    DateOnly Date,
    TimeOnly StartsAt,
    DateOnly EndDate,
    TimeOnly EndsAt,
    string HostMunicipalityCode,
    string Place,
    string ScheduledBy,
    DateTimeOffset ScheduledAt
);

public record MeetingRescheduled(
    Guid MeetingId,
    DateOnly Date,
    TimeOnly StartsAt,
    DateOnly EndDate,
    TimeOnly EndsAt,
    string HostMunicipalityCode,
    string Place,
    string RescheduledBy,
    DateTimeOffset RescheduledAt
);

public record MeetingCancelled(Guid MeetingId, string Reason, string CancelledBy, DateTimeOffset CancelledAt);

/// <summary>§4: a member raises a matter to the chair.</summary>
public record MatterRaised(
    Guid MeetingId,
    Guid MatterId,
    string Title,
    string? Description,
    string Kind,
    string MunicipalityCode,
    string RaisedBy,
    DateTimeOffset RaisedAt
);

/// <summary>§4: the chair decides the agenda and may decline a matter, with a reason.</summary>
public record MatterDeclined(
    Guid MeetingId,
    Guid MatterId,
    string Reason,
    string DeclinedBy,
    DateTimeOffset DeclinedAt
);

public record AgendaItemAdded(
    Guid MeetingId,
    Guid ItemId,
    int Number,
    string Title,
    string Kind,
    Guid? MatterId,
    string? RaisedByMunicipalityCode,
    string AddedBy,
    DateTimeOffset AddedAt
);

public record DocumentAttached(
    Guid MeetingId,
    Guid ItemId,
    Guid DocumentId,
    string Title,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    string AttachedBy,
    DateTimeOffset AttachedAt
);

/// <summary>
/// §4: the notice went out with the agenda and documents; <paramref name="Late"/> when after the notice deadline.
/// </summary>
public record MeetingNoticeIssued(
    Guid MeetingId,
    DateTimeOffset IssuedAt,
    DateOnly Deadline,
    bool Late,
    IReadOnlyList<Guid> AgendaItems,
    IReadOnlyList<Guid> Documents,
    string IssuedBy
);

/// <summary>§3: one person's presence; a later record with the same id corrects it (e.g. adds the departure).</summary>
public record AttendanceRecorded(
    Guid MeetingId,
    Guid AttendanceId,
    string PersonName,
    AttendanceRole Role,
    string? MunicipalityCode,
    PresenceMode Mode,
    TimeOnly ArrivedAt,
    TimeOnly? DepartedAt,
    string RecordedBy,
    DateTimeOffset RecordedAt
);

/// <summary>The quorum at the moment of an outcome: part of the record (§3).</summary>
public record QuorumSnapshot(
    TimeOnly At,
    int Members,
    int Present,
    int Required,
    bool Met,
    IReadOnlyList<string> PresentMembers
);

public record Votes(IReadOnlyList<string> For, IReadOnlyList<string> Against, IReadOnlyList<string> Abstained);

/// <summary>
/// What the decision history needs of the meeting and the item, as they were when the outcome was recorded.
/// </summary>
public record OutcomeContext(
    DateOnly MeetingDate,
    Body Body,
    MeetingKind MeetingKind,
    int ItemNumber,
    string ItemTitle,
    string MatterKind,
    string? RaisedByMunicipalityCode
);

public record DecisionRecorded(
    Guid MeetingId,
    Guid ItemId,
    string Wording,
    DecisionRule Rule,
    Votes? Votes,
    QuorumSnapshot Quorum,
    OutcomeContext Context,
    string RecordedBy,
    DateTimeOffset RecordedAt
);

/// <summary>§3: no decision, because a member present objected (consensus) or the agreed rule was not met.</summary>
public record DecisionNotReached(
    Guid MeetingId,
    Guid ItemId,
    string ProposedWording,
    DecisionRule Rule,
    IReadOnlyList<string> Objectors,
    Votes? Votes,
    QuorumSnapshot Quorum,
    OutcomeContext Context,
    string RecordedBy,
    DateTimeOffset RecordedAt
);

public record ItemTabled(
    Guid MeetingId,
    Guid ItemId,
    string Reason,
    QuorumSnapshot Quorum,
    OutcomeContext Context,
    string RecordedBy,
    DateTimeOffset RecordedAt
);

public record MeetingClosed(Guid MeetingId, TimeOnly At, string ClosedBy, DateTimeOffset ClosedAt);
