using Governance.Agreement;

namespace Governance.Meetings;

/// <summary>
/// §10: a meeting planned for a day after the committee's dissolution will not be held; every reader (calendar page,
/// API, iCalendar feed, the meeting's page) shows it as cancelled by the dissolution.
/// <para>
/// Derived when reading, not recorded as a MeetingCancelled per meeting. The dissolution is one fact, already in the
/// agreement's stream; the cancellations are what it means for the calendar, as a withdrawal's effect on membership
/// is derived from its date (Membership.MembersOn). Writing them would touch every later meeting's stream in the
/// dissolution's transaction, move versions under clients that did nothing, and be an act nobody performed. The
/// meeting snapshot cannot do it itself either: a projection is a function of its own events and must not read the
/// agreement. So each reader loads the dissolution once and passes the meeting through <see cref="AsShown"/>.
/// </para>
/// </summary>
public static class MeetingsAfterDissolution
{
    public static Meeting AsShown(Meeting meeting, Dissolution? dissolution) =>
        dissolution is { } d && meeting.Date > d.DecidedOn && meeting.Status == MeetingStatus.Scheduled
            ? meeting.CancelledBy(ReasonFor(d))
            : meeting;

    public static string ReasonFor(Dissolution d) =>
        $"Kommittén upplöstes {Dates.Iso(d.DecidedOn)} ({d.DecisionReference}).";

    /// <summary>The dissolution, if any: what <see cref="AsShown"/> needs, read once per request.</summary>
    public static async Task<Dissolution?> LoadAsync(IQuerySession session, CancellationToken ct) =>
        (await session.AgreementAsync(ct))?.Dissolution;
}

public sealed partial class Meeting
{
    /// <summary>
    /// A copy shown as cancelled for the reason, with its calendar sequence raised as a recorded cancellation
    /// raises it, so calendar programs take the change.
    /// </summary>
    internal Meeting CancelledBy(string reason)
    {
        var copy = (Meeting)MemberwiseClone();
        (copy.Status, copy.CancellationReason, copy.CalendarSequence) = (
            MeetingStatus.Cancelled,
            reason,
            CalendarSequence + 1
        );
        return copy;
    }
}
