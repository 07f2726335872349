using Governance.Meetings;

namespace Governance.Calendar;

/// <summary>
/// What a feed shows, named by the ids and stored versions of the documents it is rendered from, read without their
/// content: every projection writes a document's version anew, so any change to what the feed shows changes this.
/// The work is bounded by what the feed shows.
/// </summary>
public static class FeedFingerprint
{
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

    /// <summary>
    /// The versions of the meetings whose ids the SQL <paramref name="meetingIds"/> gives (with Marten's `?` for each
    /// of <paramref name="parameters"/>), in its order, then of every row of <paramref name="registers"/>.
    /// </summary>
    public static async Task<string> OfAsync(
        IQuerySession session,
        string meetingIds,
        object[] parameters,
        CancellationToken ct,
        params Register[] registers
    )
    {
        var versions = string.Concat(
            registers.Select(register =>
                $" union all select 1, 0, id::text || '@' || mt_version::text from {TableOf(register)}"
            )
        );
        var rows = await session.QueryAsync<string>(
            "select encode(sha256(convert_to("
                + "coalesce(string_agg(v, ',' order by part, ordinal, v), ''), 'UTF8')), 'hex') from ("
                + MeetingHeaders.Selecting("0, o.n, m.id::text || '@' || m.mt_version::text", meetingIds)
                + versions
                + ") shown(part, ordinal, v)",
            ct,
            parameters
        );
        return rows.Single();
    }
}
