using Weasel.Postgresql.Tables;

namespace Governance.Meetings;

/// <summary>
/// Meetings whose minutes are approved: what makes their decisions public. Two partial indexes hold exactly them:
/// by id, answering "is this decision's meeting approved" from the index alone, without reading the meeting's
/// document (which grows with its agenda, attendance and minutes); and by date, for the latest approved minutes
/// (the overview, the feed) without walking the meetings planned years ahead.
/// </summary>
public static class ApprovedMeetings
{
    public const string Index = "mt_doc_meeting_approved";
    public const string ByDateIndex = "mt_doc_meeting_approved_by_date";

    /// <summary>
    /// The indexes' predicate, as Marten writes `Approval != null` in SQL, so its queries use them too; for a table
    /// alias in SQL of our own.
    /// </summary>
    public static string Condition(string table = "") => $"({table}data ->> 'Approval') is not null";

    /// <summary>
    /// SQL for the ids of the latest meetings with approved minutes (as many as its parameter), newest first, read from
    /// the by-date index alone. Its key is the date as stored (ISO text, which sorts as the date), unlike the index of
    /// all meetings by date: PostgreSQL cannot estimate the predicate's share, and given both it would walk every
    /// meeting planned ahead to find approved ones. Meetings of the same day come in a stable order (by id).
    /// </summary>
    public static readonly string Latest =
        $"{MeetingHeaders.Ids} {Condition()} order by {DateKey} desc, id desc limit ?";

    /// <summary>The by-date index's key.</summary>
    internal const string DateKey = "(data ->> 'Date')";

    /// <summary>
    /// SQL true when the meeting with the id in <paramref name="meetingId"/> has approved minutes. `offset 0` keeps it
    /// a per-row check along the index instead of a join PostgreSQL would start from every approved meeting: it cannot
    /// estimate the partial index's share, and a search walking the newest decisions first stops after a page.
    /// </summary>
    public static string Holds(string meetingId) =>
        $"exists (select 1 from governance.mt_doc_meeting m where m.id = {meetingId} and {Condition("m.")} offset 0)";
}

public sealed partial class Meeting
{
    /// <summary>Called by Marten when it maps the document.</summary>
    public static void ConfigureMarten(Marten.Schema.DocumentMapping mapping)
    {
        mapping.Indexes.Add(
            new IndexDefinition(ApprovedMeetings.Index) { Columns = ["id"], Predicate = ApprovedMeetings.Condition() }
        );
        mapping.Indexes.Add(
            new IndexDefinition(ApprovedMeetings.ByDateIndex)
            {
                Columns = [ApprovedMeetings.DateKey, "id"],
                Predicate = ApprovedMeetings.Condition(),
            }
        );
    }
}
