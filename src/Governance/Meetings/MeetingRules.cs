using Governance.Municipalities;

namespace Governance.Meetings;

/// <summary>Rules of the meeting's life: what may still be recorded, and by whom as present.</summary>
public static class MeetingRules
{
    public const string Quorum = "§3 beslutförhet";
    public const string Consensus = Agreement.AgreementRules.AlternativeRule;
    public const string Composition = Offices.OfficeRules.Composition;
    public const string Agenda = "§4 dagordning";
    public const string Notice = "§4 kallelse";
    public const string ExtraMeeting = "§4 extra sammanträde";
    public const string Cancelled = "inställt sammanträde";
    public const string Closed = "avslutat sammanträde";
    public const string Held = "hållet sammanträde";
    public const string OneOutcome = "ett utfall per ärende";
    public const string Minutes = "§3 minnesanteckningar";
    public const string MeetingDay = "sammanträdesdagen";

    /// <summary>
    /// Agenda, notice, attendance and outcomes are recorded only while the meeting is scheduled (not cancelled, not
    /// closed).
    /// </summary>
    public static RuleViolation? IsOpen(Meeting meeting) =>
        meeting.Status switch
        {
            MeetingStatus.Cancelled => new(
                Cancelled,
                $"Sammanträdet {Dates.Iso(meeting.Date)} är inställt ({meeting.CancellationReason})."
            ),
            MeetingStatus.Closed => new(Closed, $"Sammanträdet {Dates.Iso(meeting.Date)} är avslutat."),
            _ => null,
        };

    /// <summary>
    /// Attendance, outcomes and the closing are what happened at the meeting: recorded from its day on, never ahead
    /// (today is the date in Stockholm). Within the day the times are the meeting's own and not compared with the
    /// clock: the secretary may note a departure announced for later, or record the afternoon in the evening.
    /// </summary>
    public static RuleViolation? HasBegun(Meeting meeting, DateOnly today) =>
        meeting.Date <= today
            ? null
            : new(
                MeetingDay,
                $"Sammanträdet hålls {Dates.Iso(meeting.Date)}: närvaro, utfall och avslutning antecknas "
                    + $"från den dagen (i dag är det {Dates.Iso(today)})."
            );

    /// <summary>What is recorded at a meeting needs it open and its day come.</summary>
    public static RuleViolation? IsBeingHeld(Meeting meeting, DateOnly today) =>
        IsOpen(meeting) ?? HasBegun(meeting, today);

    /// <summary>
    /// Once attendance or an outcome is recorded the meeting has been held: it is no longer cancelled or moved.
    /// </summary>
    public static RuleViolation? CanChangeSchedule(Meeting meeting) =>
        IsOpen(meeting)
        ?? (
            meeting.Attendance.Count > 0 || meeting.Agenda.Any(i => i.Outcome is not null)
                ? new(
                    Held,
                    $"Sammanträdet {Dates.Iso(meeting.Date)} har hållits (närvaro eller beslut är antecknade) "
                        + "och kan inte ställas in eller flyttas."
                )
                : null
        );

    /// <summary>
    /// A meeting closes after everything recorded at it: after its start, the last arrival or departure and the last
    /// outcome. (For a meeting over several days the time of day alone cannot say, so only "open" is checked.)
    /// </summary>
    public static RuleViolation? CanClose(Meeting meeting, TimeOnly at)
    {
        if (IsOpen(meeting) is { } closed)
            return closed;
        if (meeting.EndDate != meeting.Date)
            return null;
        var last = meeting.LastRecordedMoment();
        return at >= last
            ? null
            : new(
                Closed,
                $"Sammanträdet kan inte avslutas kl. {at:HH\\.mm}: det började kl. {meeting.StartsAt:HH\\.mm} "
                    + $"och det senast antecknade skedde kl. {last:HH\\.mm}."
            );
    }

    public static RuleViolation? CanRecordOutcome(Meeting meeting, AgendaItem item, QuorumSnapshot quorum)
    {
        if (IsOpen(meeting) is { } closed)
            return closed;
        if (item.Outcome is not null)
            return new(
                OneOutcome,
                $"Ärende {item.Number} har redan ett utfall; ändringar görs genom rättelse av minnesanteckningarna."
            );
        return quorum.Met
            ? null
            : new(
                Quorum,
                $"Kommittén är inte beslutför kl. {quorum.At:HH\\.mm}: "
                    + $"{quorum.Present} av {quorum.Members} ledamöter närvarande, minst {quorum.Required} krävs."
            );
    }

    /// <summary>
    /// §3: a member present is the member municipality's executive board chair (in the management group: its director).
    /// </summary>
    public static RuleViolation? CanAttend(
        Meeting meeting,
        AttendanceRole role,
        string? code,
        string person,
        IReadOnlyCollection<string> members,
        IReadOnlyList<Municipality> municipalities
    )
    {
        if (IsOpen(meeting) is { } closed)
            return closed;
        if (role == AttendanceRole.Guest)
            return null;
        var municipality = municipalities.FirstOrDefault(m => m.Code == code);
        if (municipality is null || !members.Contains(municipality.Code))
            return new(Composition, $"Kommunen {code} är inte medlem den {Dates.Iso(meeting.Date)}.");
        var holder =
            role == AttendanceRole.Member
                ? municipality.RepresentativeOn(meeting.Date)
                : municipality.DirectorOn(meeting.Date);
        var title = role == AttendanceRole.Member ? "ledamot (kommunstyrelsens ordförande)" : "kommundirektör";
        return People.SamePerson(holder, person)
            ? null
            : new(
                Composition,
                holder is null
                    ? $"{municipality.Name} har ingen {title} registrerad den {Dates.Iso(meeting.Date)}."
                    : $"{person} är inte {title} för {municipality.Name} den {Dates.Iso(meeting.Date)}; "
                        + $"det är {holder}."
            );
    }

    /// <summary>§4: the notice deadline is the configured number of days before the meeting (default 7).</summary>
    public static DateOnly NoticeDeadline(Meeting meeting, int noticeDays) => meeting.Date.AddDays(-noticeDays);

    public static RuleViolation? CanIssueNotice(Meeting meeting) =>
        IsOpen(meeting)
        ?? (
            meeting.Agenda.Count == 0
                ? new(Notice, "Kallelsen ska åtföljas av dagordningen: sätt upp minst ett ärende först.")
                : null
        );

    public static RuleViolation? CanApproveMinutes(Meeting meeting) =>
        meeting.Status switch
        {
            MeetingStatus.Cancelled => new(
                Cancelled,
                "Ett inställt sammanträde har inga minnesanteckningar att justera."
            ),
            MeetingStatus.Scheduled => new(
                Minutes,
                "Minnesanteckningarna justeras efter att sammanträdet har avslutats."
            ),
            _ when meeting.Approval is not null => new(
                Minutes,
                $"Minnesanteckningarna justerades redan {meeting.Approval.ApprovedAt.StockholmDate():yyyy-MM-dd}; "
                    + "ändra genom rättelse."
            ),
            _ => null,
        };
}
