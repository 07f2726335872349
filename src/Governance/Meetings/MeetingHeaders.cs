using Governance.Offices;
using Marten.Services.BatchQuerying;

namespace Governance.Meetings;

/// <summary>
/// Meetings without what was recorded at them: the fields a calendar, a list or a feed shows. A meeting's document
/// grows with its agenda, attendance and minutes until PostgreSQL keeps it out of line (TOAST), and every field read
/// from it in SQL fetches and decompresses it again; so the meetings are chosen first (their ids, along the date
/// index), then read once each with the recorded parts cut off in PostgreSQL. What the public may see of a header is
/// still decided by <see cref="PublicView"/>.
/// </summary>
public static class MeetingHeaders
{
    /// <summary>The parts of a meeting's document that grow with what was recorded at it.</summary>
    private static readonly string[] Recorded = ["Matters", "Agenda", "Attendance", "MinutesPreamble", "Corrections"];

    /// <summary>The headers of the meetings <paramref name="meetings"/> selects, in its order.</summary>
    public static async Task<IReadOnlyList<Meeting>> LoadAsync(
        IQuerySession session,
        IQueryable<Meeting> meetings,
        CancellationToken ct
    ) => await ByIdsAsync(session, await meetings.Select(m => m.Id).WithValuesRead().ToListAsync(ct), ct);

    /// <summary>The headers of the meetings <paramref name="ids"/> names, in its order.</summary>
    private static async Task<IReadOnlyList<Meeting>> ByIdsAsync(
        IQuerySession session,
        IReadOnlyList<Guid> ids,
        CancellationToken ct
    ) =>
        ids.Count == 0
            ? []
            : await session.QueryAsync<Meeting>(Of("select unnest(?::uuid[])"), ct, Recorded, ids.ToArray());

    /// <summary>
    /// In a batch of queries: the headers of the meetings that <paramref name="ids"/> selects, in its order. It is SQL
    /// giving their ids, with Marten's `?` for each of <paramref name="parameters"/>.
    /// </summary>
    public static Task<IReadOnlyList<Meeting>> Selected(IBatchedQuery batch, string ids, params object[] parameters) =>
        batch.Query<Meeting>(Of(ids), [Recorded, .. parameters]);

    /// <summary>Headers of the meetings whose ids the SQL gives, in its order (first parameter: what is cut).</summary>
    private static string Of(string ids) => $"{Selecting("m.data - ?::text[]", ids)} order by o.n";

    /// <summary>
    /// SQL selecting <paramref name="columns"/> of the meetings (as m) whose ids the SQL <paramref name="ids"/> gives,
    /// each with its place in that order (o.n).
    /// </summary>
    public static string Selecting(string columns, string ids) =>
        $"select {columns} from unnest(array({ids})) with ordinality as o(id, n) "
        + "join governance.mt_doc_meeting m on m.id = o.id";

    /// <summary>
    /// In a batch of queries: the headers of a year's meetings (of one body, if given), by date and time of day: the
    /// date along its index, the time in memory, since ordering by it in SQL would read every meeting's document.
    /// </summary>
    public static async Task<IReadOnlyList<Meeting>> OfYear(IBatchedQuery batch, int year, Body? body = null)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        const string meetings = "select id from governance.mt_doc_meeting where";
        var headers = body is { } b
            ? await Selected(batch, $"{meetings} {BodyKey} = ? and {Between}", b.ToString(), first, last)
            : await Selected(batch, $"{meetings} {Between}", first, last);
        return [.. headers.OrderBy(m => m.Date).ThenBy(m => m.StartsAt)];
    }

    private const string Between = "date >= ? and date <= ? order by date";

    /// <summary>The body as its index on body and date holds it.</summary>
    private const string BodyKey = "(data ->> 'Body')";
}
