namespace Governance.Calendar;

/// <summary>
/// What a feed shows, named by the ids and stored versions of the documents it is rendered from, read without their
/// content: every projection writes a document's version anew, so any change to what the feed shows changes this.
/// The work is bounded by what the feed shows.
/// </summary>
public static class FeedFingerprint
{
    private const string Meetings = "governance.mt_doc_meeting";

    /// <summary>Small registers read whole: the municipalities (names) and the agreement (a dissolution).</summary>
    public enum Register
    {
        Municipalities,
        Agreement,
    }

    private static string TableOf(Register register) =>
        register switch
        {
            Register.Municipalities => "governance.mt_doc_municipality",
            Register.Agreement => "governance.mt_doc_cooperationagreement",
            _ => throw new ArgumentOutOfRangeException(nameof(register)),
        };

    /// <summary>The versions of the meetings <paramref name="meetingIds"/> in their order, then of every row of
    /// <paramref name="registers"/>.</summary>
    public static async Task<string> OfAsync(
        IQuerySession session,
        IReadOnlyList<Guid> meetingIds,
        CancellationToken ct,
        params Register[] registers
    )
    {
        var ids = meetingIds.ToArray();
        var versions = string.Concat(
            registers.Select(register =>
                $" union all select 1, 0, id::text || '@' || mt_version::text from {TableOf(register)}"
            )
        );
        var rows = await session.QueryAsync<string>(
            "select encode(sha256(convert_to("
                + "coalesce(string_agg(v, ',' order by part, ordinal, v), ''), 'UTF8')), 'hex') from ("
                + "select 0, array_position(?::uuid[], id), id::text || '@' || mt_version::text "
                + $"from {Meetings} where id = any(?)"
                + versions
                + ") shown(part, ordinal, v)",
            ct,
            ids,
            ids
        );
        return rows.Single();
    }
}
