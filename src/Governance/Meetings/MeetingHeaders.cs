namespace Governance.Meetings;

/// <summary>
/// Meetings without what was recorded at them: the fields a calendar, a list or a feed shows, selected by
/// PostgreSQL, so a year of meetings is read without every agenda, attendance list and minutes text in it. What the
/// public may see of a header is still decided by <see cref="PublicView"/>.
/// </summary>
public static class MeetingHeaders
{
    public static IQueryable<Meeting> Of(IQueryable<Meeting> meetings) => meetings.Select(m => new Meeting
    {
        Id = m.Id,
        Version = m.Version,
        Body = m.Body,
        Kind = m.Kind,
        Date = m.Date,
        StartsAt = m.StartsAt,
        EndDate = m.EndDate,
        EndsAt = m.EndsAt,
        HostMunicipalityCode = m.HostMunicipalityCode,
        Place = m.Place,
        Status = m.Status,
        CancellationReason = m.CancellationReason,
        Reschedulings = m.Reschedulings,
        CalendarSequence = m.CalendarSequence,
        Notice = m.Notice,
        ClosedAt = m.ClosedAt,
        Approval = m.Approval,
    });
}
