using Governance.Agreement;
using Governance.Minutes;
using Governance.Offices;

namespace Governance.Meetings;

public enum MeetingStatus
{
    Scheduled,
    Cancelled,
    Closed,
}

public enum MatterStatus
{
    Raised,
    OnAgenda,
    Declined,
}

public sealed record RaisedMatter(
    Guid MatterId,
    string Title,
    string? Description,
    string Kind,
    string MunicipalityCode,
    string RaisedBy,
    DateTimeOffset RaisedAt,
    MatterStatus Status,
    string? DeclineReason
);

public sealed record AgendaDocument(
    Guid DocumentId,
    string Title,
    string FileName,
    string ContentType,
    long Size,
    string Sha256
);

public sealed record Outcome(
    OutcomeKind Kind,
    string Text,
    DecisionRule? Rule,
    IReadOnlyList<string> Objectors,
    Votes? Votes,
    QuorumSnapshot Quorum,
    DateTimeOffset RecordedAt
);

public sealed record AgendaItem(
    Guid ItemId,
    int Number,
    string Title,
    string Kind,
    Guid? MatterId,
    string? RaisedByMunicipalityCode,
    IReadOnlyList<AgendaDocument> Documents,
    Outcome? Outcome,
    string? MinutesText
);

public sealed record Attendance(
    Guid AttendanceId,
    string PersonName,
    AttendanceRole Role,
    string? MunicipalityCode,
    PresenceMode Mode,
    TimeOnly ArrivedAt,
    TimeOnly? DepartedAt
)
{
    public bool IsPresentAt(TimeOnly at) => ArrivedAt <= at && (DepartedAt is null || DepartedAt > at);
}

public sealed record NoticeRecord(DateTimeOffset IssuedAt, DateOnly Deadline, bool Late, string IssuedBy);

public sealed record Correction(
    Guid? ItemId,
    CorrectionTarget Target,
    string NewText,
    string What,
    string Why,
    string CorrectedBy,
    DateTimeOffset CorrectedAt
);

public sealed record Approval(int MinutesVersion, string ApprovedBy, DateTimeOffset ApprovedAt);

/// <summary>
/// A meeting of the committee or the management group, with its agenda, attendance, outcomes and minutes.
/// </summary>
// "Det finns inget sammanträde …": the name with its negative article, by the noun's gender.
[System.ComponentModel.DisplayName("inget sammanträde")]
public sealed partial class Meeting
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public Body Body { get; set; }
    public MeetingKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly StartsAt { get; set; }
    public DateOnly EndDate { get; set; }
    public TimeOnly EndsAt { get; set; }
    public string HostMunicipalityCode { get; set; } = "";
    public string Place { get; set; } = "";
    public MeetingStatus Status { get; set; }
    public string? CancellationReason { get; set; }
    public int Reschedulings { get; set; }

    /// <summary>iCalendar SEQUENCE: raised by every change subscribers must see (rescheduled, cancelled).</summary>
    public int CalendarSequence { get; set; }
    public List<RaisedMatter> Matters { get; set; } = [];
    public List<AgendaItem> Agenda { get; set; } = [];
    public NoticeRecord? Notice { get; set; }
    public List<Attendance> Attendance { get; set; } = [];
    public TimeOnly? ClosedAt { get; set; }
    public string? MinutesPreamble { get; set; }
    public Approval? Approval { get; set; }
    public List<Correction> Corrections { get; set; } = [];

    public static Meeting Create(MeetingScheduled e) =>
        new()
        {
            Id = e.MeetingId,
            Body = e.Body,
            Kind = e.Kind,
            Date = e.Date,
            StartsAt = e.StartsAt,
            EndDate = e.EndDate,
            EndsAt = e.EndsAt,
            HostMunicipalityCode = e.HostMunicipalityCode,
            Place = e.Place,
            Status = MeetingStatus.Scheduled,
        };

    public void Apply(MeetingRescheduled e)
    {
        (Date, StartsAt, EndDate, EndsAt, HostMunicipalityCode, Place) = (
            e.Date,
            e.StartsAt,
            e.EndDate,
            e.EndsAt,
            e.HostMunicipalityCode,
            e.Place
        );
        Reschedulings++;
        CalendarSequence++;
    }

    public void Apply(MeetingCancelled e) =>
        (Status, CancellationReason, CalendarSequence) = (MeetingStatus.Cancelled, e.Reason, CalendarSequence + 1);

    public void Apply(MatterRaised e) =>
        Matters.Add(
            new RaisedMatter(
                e.MatterId,
                e.Title,
                e.Description,
                e.Kind,
                e.MunicipalityCode,
                e.RaisedBy,
                e.RaisedAt,
                MatterStatus.Raised,
                null
            )
        );

    public void Apply(MatterDeclined e) =>
        Matters = [
            .. Matters.Select(m =>
                m.MatterId == e.MatterId ? m with { Status = MatterStatus.Declined, DeclineReason = e.Reason } : m
            ),
        ];

    public void Apply(AgendaItemAdded e)
    {
        Agenda.Add(
            new AgendaItem(e.ItemId, e.Number, e.Title, e.Kind, e.MatterId, e.RaisedByMunicipalityCode, [], null, null)
        );
        Matters = [.. Matters.Select(m => m.MatterId == e.MatterId ? m with { Status = MatterStatus.OnAgenda } : m)];
    }

    public void Apply(DocumentAttached e) =>
        UpdateItem(
            e.ItemId,
            i =>
                i with
                {
                    Documents =
                    [
                        .. i.Documents,
                        new AgendaDocument(e.DocumentId, e.Title, e.FileName, e.ContentType, e.Size, e.Sha256),
                    ],
                }
        );

    public void Apply(MeetingNoticeIssued e) => Notice = new NoticeRecord(e.IssuedAt, e.Deadline, e.Late, e.IssuedBy);

    public void Apply(AttendanceRecorded e) =>
        Attendance = [
            .. Attendance.Where(a => a.AttendanceId != e.AttendanceId),
            new Attendance(e.AttendanceId, e.PersonName, e.Role, e.MunicipalityCode, e.Mode, e.ArrivedAt, e.DepartedAt),
        ];

    public void Apply(DecisionRecorded e) =>
        UpdateItem(
            e.ItemId,
            i =>
                i with
                {
                    Outcome = new Outcome(OutcomeKind.Decided, e.Wording, e.Rule, [], e.Votes, e.Quorum, e.RecordedAt),
                }
        );

    public void Apply(DecisionNotReached e) =>
        UpdateItem(
            e.ItemId,
            i =>
                i with
                {
                    Outcome = new Outcome(
                        OutcomeKind.NotDecided,
                        e.ProposedWording,
                        e.Rule,
                        e.Objectors,
                        e.Votes,
                        e.Quorum,
                        e.RecordedAt
                    ),
                }
        );

    public void Apply(ItemTabled e) =>
        UpdateItem(
            e.ItemId,
            i => i with { Outcome = new Outcome(OutcomeKind.Tabled, e.Reason, null, [], null, e.Quorum, e.RecordedAt) }
        );

    public void Apply(MeetingClosed e) => (Status, ClosedAt) = (MeetingStatus.Closed, e.At);

    public void Apply(MinutesTextWritten e)
    {
        if (e.ItemId is { } id)
            UpdateItem(id, i => i with { MinutesText = e.Text });
        else
            MinutesPreamble = e.Text;
    }

    public void Apply(MinutesApproved e) => Approval = new Approval(e.MinutesVersion, e.ApprovedBy, e.ApprovedAt);

    public void Apply(MinutesCorrected e)
    {
        Corrections.Add(new Correction(e.ItemId, e.Target, e.NewText, e.What, e.Why, e.CorrectedBy, e.CorrectedAt));
        if (e.Target == CorrectionTarget.DecisionWording && e.ItemId is { } decided)
            UpdateItem(decided, i => i with { Outcome = i.Outcome! with { Text = e.NewText } });
        else
            Apply(new MinutesTextWritten(e.MeetingId, e.ItemId, e.NewText, e.CorrectedBy, e.CorrectedAt));
    }

    public AgendaItem? Item(Guid itemId) => Agenda.FirstOrDefault(i => i.ItemId == itemId);

    /// <summary>
    /// The latest time of day anything was recorded at the meeting (arrival, departure, outcome), or its start.
    /// </summary>
    public TimeOnly LastRecordedMoment() =>
        Attendance
            .SelectMany(a => a.DepartedAt is { } d ? new[] { a.ArrivedAt, d } : [a.ArrivedAt])
            .Concat(Agenda.Where(i => i.Outcome is not null).Select(i => i.Outcome!.Quorum.At))
            .Append(StartsAt)
            .Max();

    public OutcomeContext ContextOf(AgendaItem item) =>
        new(Date, Body, Kind, item.Number, item.Title, item.Kind, item.RaisedByMunicipalityCode);

    private void UpdateItem(Guid itemId, Func<AgendaItem, AgendaItem> change) =>
        Agenda = [.. Agenda.Select(i => i.ItemId == itemId ? change(i) : i)];
}
