namespace Governance.Meetings;

/// <summary>
/// Closed meetings whose minutes wait for approval: a duty on the overview. There are few at any time among years of
/// approved ones, so a partial index holds exactly them and the query reads nothing else.
/// </summary>
public static class MeetingsAwaitingApproval
{
    public const string Index = "mt_doc_meeting_awaiting_approval";

    /// <summary>The index's predicate, repeated word for word in the query so PostgreSQL uses it.</summary>
    public const string Condition =
        "(data ->> 'Status') = 'Closed' and coalesce(jsonb_typeof(data -> 'Approval'), 'null') <> 'object'";

    /// <summary>SQL for their ids, oldest first, along the index.</summary>
    public const string Ids = $"{MeetingHeaders.Ids} {Condition} order by date";
}
