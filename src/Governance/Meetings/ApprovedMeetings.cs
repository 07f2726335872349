using Weasel.Postgresql.Tables;

namespace Governance.Meetings;

/// <summary>
/// Meetings whose minutes are approved: what makes their decisions public. A partial index of their ids answers
/// "is this decision's meeting approved" from the index alone, without reading the meeting's document (which grows
/// with its agenda, attendance and minutes).
/// </summary>
public static class ApprovedMeetings
{
    public const string Index = "mt_doc_meeting_approved";

    /// <summary>The index's predicate, repeated in a query (for a table alias) so PostgreSQL uses it.</summary>
    public static string Condition(string table = "") => $"jsonb_typeof({table}data -> 'Approval') = 'object'";

    /// <summary>SQL true when the meeting with the id in <paramref name="meetingId"/> has approved minutes.</summary>
    public static string Holds(string meetingId) =>
        $"exists (select 1 from governance.mt_doc_meeting m where m.id = {meetingId} and {Condition("m.")})";
}

public sealed partial class Meeting
{
    /// <summary>Called by Marten when it maps the document.</summary>
    public static void ConfigureMarten(Marten.Schema.DocumentMapping mapping) =>
        mapping.Indexes.Add(new IndexDefinition(ApprovedMeetings.Index)
        {
            Columns = ["id"],
            Predicate = ApprovedMeetings.Condition(),
        });
}
