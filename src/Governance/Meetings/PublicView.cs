namespace Governance.Meetings;

/// <summary>
/// What the public (anyone not signed in) may see of a meeting. The one place this is decided; every public surface
/// (pages, API, feeds, search, documents) shows a meeting only through it.
/// <list type="bullet">
/// <item>Always: body, kind, date, time and place, host, and whether it is cancelled and why.</item>
/// <item>Once the notice is issued: the notice and the agenda (item titles, the matters that reached it, the
/// documents' titles and the documents themselves). Matters never put on the agenda, or declined, are never
/// public.</item>
/// <item>Once the minutes are approved: everything recorded at the meeting (attendance, outcomes, the minutes' text,
/// closing time, approval) and every correction made after.</item>
/// </list>
/// Signed-in users (secretary, chair, members, registries) see the whole meeting at every stage.
/// </summary>
public sealed record PublicView(bool Agenda, bool Record)
{
    public static PublicView Of(Meeting meeting) =>
        new(Agenda: meeting.Notice is not null, Record: meeting.Approval is not null);

    /// <summary>The whole meeting to the signed-in, the public part to anyone else.</summary>
    public static Meeting For(ClaimsPrincipal user, Meeting meeting) =>
        user.Identity?.IsAuthenticated == true ? meeting : PublicPartOf(meeting);

    /// <summary>
    /// A copy holding only what the public may see. Fields are copied by name, so a field added to the meeting later
    /// stays out of public view until it is named here. The version is withheld: it counts every event, those
    /// recorded at the meeting too, and the public does not write.
    /// </summary>
    public static Meeting PublicPartOf(Meeting meeting)
    {
        var view = Of(meeting);
        return new Meeting
        {
            Id = meeting.Id,
            Body = meeting.Body,
            Kind = meeting.Kind,
            Date = meeting.Date,
            StartsAt = meeting.StartsAt,
            EndDate = meeting.EndDate,
            EndsAt = meeting.EndsAt,
            HostMunicipalityCode = meeting.HostMunicipalityCode,
            Place = meeting.Place,
            Status = meeting.Status,
            CancellationReason = meeting.CancellationReason,
            Reschedulings = meeting.Reschedulings,
            CalendarSequence = meeting.CalendarSequence,
            Notice = view.Agenda ? meeting.Notice : null,
            Matters = view.Agenda ? [.. meeting.Matters.Where(m => m.Status == MatterStatus.OnAgenda)] : [],
            Agenda =
                !view.Agenda ? []
                : view.Record ? [.. meeting.Agenda]
                : [.. meeting.Agenda.Select(i => i with { Outcome = null, MinutesText = null })],
            Attendance = view.Record ? [.. meeting.Attendance] : [],
            ClosedAt = view.Record ? meeting.ClosedAt : null,
            MinutesPreamble = view.Record ? meeting.MinutesPreamble : null,
            Approval = view.Record ? meeting.Approval : null,
            Corrections = view.Record ? [.. meeting.Corrections] : [],
        };
    }

    /// <summary>
    /// A stored document is public when the agenda of some meeting whose notice is issued lists it: given the meetings
    /// whose agendas list it (<see cref="DocumentListing"/>; their headers are enough).
    /// </summary>
    public static bool IsPublicDocument(IEnumerable<Meeting> listing) => listing.Any(m => Of(m).Agenda);
}
