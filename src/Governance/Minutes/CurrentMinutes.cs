using Governance.Agreement;
using Governance.Meetings;
using Governance.Offices;
using Governance.Records.Chain;

namespace Governance.Minutes;

public enum MinutesStatus
{
    /// <summary>The meeting is still open: the minutes are being drafted.</summary>
    Draft,

    /// <summary>The meeting is closed; the minutes await the chair's approval.</summary>
    AwaitingApproval,

    Approved,
}

public sealed record MinutesAttendee(
    string PersonName,
    AttendanceRole Role,
    string? MunicipalityCode,
    string? MunicipalityName,
    PresenceMode Mode,
    TimeOnly ArrivedAt,
    TimeOnly? DepartedAt
);

public sealed record MinutesObjector(string MunicipalityCode, string MunicipalityName);

public sealed record MinutesItem(
    Guid ItemId,
    int Number,
    string Title,
    string Kind,
    string? RaisedBy,
    IReadOnlyList<AgendaDocument> Documents,
    OutcomeKind? Outcome,
    string? OutcomeText,
    DecisionRule? Rule,
    IReadOnlyList<MinutesObjector> Objectors,
    Votes? Votes,
    QuorumSnapshot? Quorum,
    string? Text
);

public sealed record MinutesDocument(
    Guid MeetingId,
    Body Body,
    MeetingKind Kind,
    DateOnly Date,
    TimeOnly StartsAt,
    TimeOnly? ClosedAt,
    string Place,
    string HostMunicipalityCode,
    string HostMunicipality,
    MeetingStatus MeetingStatus,
    MinutesStatus Status,
    int Version,
    string? Preamble,
    IReadOnlyList<MinutesAttendee> Members,
    IReadOnlyList<MinutesAttendee> Directors,
    IReadOnlyList<MinutesAttendee> Guests,
    IReadOnlyList<MinutesItem> Items,
    Approval? Approval,
    IReadOnlyList<Correction> Corrections,
    MinutesAnchors? Anchors = null
)
{
    /// <summary>The minutes drafted from the meeting's events and the secretary's text, as they stand now.</summary>
    public static MinutesDocument Of(Meeting meeting, IReadOnlyDictionary<string, string> names)
    {
        string? Name(string? code) => code is null ? null : names.GetValueOrDefault(code) ?? code;
        IReadOnlyList<MinutesAttendee> Attendees(AttendanceRole role) =>
            [
                .. meeting
                    .Attendance.Where(a => a.Role == role)
                    .OrderBy(a => a.ArrivedAt)
                    .ThenBy(a => a.PersonName, StringComparer.Ordinal)
                    .Select(a => new MinutesAttendee(
                        a.PersonName,
                        a.Role,
                        a.MunicipalityCode,
                        Name(a.MunicipalityCode),
                        a.Mode,
                        a.ArrivedAt,
                        a.DepartedAt
                    )),
            ];

        var status =
            meeting.Approval is not null ? MinutesStatus.Approved
            : meeting.Status == MeetingStatus.Closed ? MinutesStatus.AwaitingApproval
            : MinutesStatus.Draft;
        var items = meeting
            .Agenda.OrderBy(i => i.Number)
            .Select(i => new MinutesItem(
                i.ItemId,
                i.Number,
                i.Title,
                i.Kind,
                Name(i.RaisedByMunicipalityCode),
                i.Documents,
                i.Outcome?.Kind,
                i.Outcome?.Text,
                i.Outcome?.Rule,
                [.. (i.Outcome?.Objectors ?? []).Select(c => new MinutesObjector(c, Name(c)!))],
                i.Outcome?.Votes,
                i.Outcome?.Quorum,
                i.MinutesText
            ))
            .ToList();

        return new MinutesDocument(
            meeting.Id,
            meeting.Body,
            meeting.Kind,
            meeting.Date,
            meeting.StartsAt,
            meeting.ClosedAt,
            meeting.Place,
            meeting.HostMunicipalityCode,
            Name(meeting.HostMunicipalityCode)!,
            meeting.Status,
            status,
            meeting.Version,
            meeting.MinutesPreamble,
            Attendees(AttendanceRole.Member),
            Attendees(AttendanceRole.Director),
            Attendees(AttendanceRole.Guest),
            items,
            meeting.Approval,
            meeting.Corrections
        );
    }
}
