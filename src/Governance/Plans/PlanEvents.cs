namespace Governance.Plans;

public enum ActivityStatus
{
    NotStarted,
    Ongoing,
    Done,
    Cancelled,
}

// Events of a year's plan stream (verksamhetsplan, handlingsplan and budget).

public record PlanDrafted(Guid PlanId, int Year, PlanContent Content, string DraftedBy, DateTimeOffset DraftedAt);

public record DraftPlanRevised(
    Guid PlanId,
    int Year,
    int Revision,
    PlanContent Content,
    string RevisedBy,
    DateTimeOffset RevisedAt
);

/// <summary>
/// §4: the plan and budget proposal was sent to these municipalities (the delivery itself is the distribution's).
/// </summary>
public record PlanProposalSent(
    Guid PlanId,
    int Year,
    int Revision,
    IReadOnlyList<string> MunicipalityCodes,
    DateOnly SentOn,
    string SentBy,
    DateTimeOffset SentAt
);

public record PlanProposalResponseRecorded(
    Guid PlanId,
    int Year,
    string MunicipalityCode,
    string Response,
    DateOnly RespondedOn,
    string RecordedBy,
    DateTimeOffset RecordedAt
);

/// <summary>§4: adopted by a decision of a committee meeting.</summary>
public record PlanAdopted(
    Guid PlanId,
    int Year,
    int Revision,
    Guid MeetingId,
    Guid? ItemId,
    string Decision,
    DateOnly AdoptedOn,
    string AdoptedBy,
    DateTimeOffset AdoptedAt
);

/// <summary>After adoption the plan changes only by amendments, each a decision of a committee meeting.</summary>
public record PlanAmended(
    Guid PlanId,
    int Year,
    PlanContent Content,
    string What,
    Guid MeetingId,
    Guid ItemId,
    string Decision,
    DateOnly AmendedOn,
    string AmendedBy,
    DateTimeOffset AmendedAt
);

public record ActivityStatusReported(
    Guid PlanId,
    int Year,
    Guid ActivityId,
    ActivityStatus Status,
    string? Comment,
    DateOnly ReportedOn,
    string ReportedBy,
    DateTimeOffset ReportedAt
);
