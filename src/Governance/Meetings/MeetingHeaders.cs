using Governance.Offices;
using Marten.Services.BatchQuerying;

namespace Governance.Meetings;

/// <summary>
/// Meetings without what was recorded at them: the fields a calendar, a list or a feed shows. A meeting's document
/// grows with its agenda, attendance and minutes until PostgreSQL keeps it out of line (TOAST), and every field read
/// from it in SQL fetches and decompresses it again; so the meetings are chosen first (their ids, along the date
/// index), then each one's header is read from <see cref="MeetingHeaderTable"/>. What the public may see of a header
/// is still decided by <see cref="PublicView"/>.
/// </summary>
public static class MeetingHeaders
{
    /// <summary>
    /// In a batch of queries: the headers of the meetings that <paramref name="ids"/> selects, in its order. It is SQL
    /// giving their ids, with Marten's `?` for each of <paramref name="parameters"/>.
    /// </summary>
    public static Task<IReadOnlyList<Meeting>> Selected(IBatchedQuery batch, string ids, object[] parameters) =>
        batch.Query<Meeting>(Of(ids), parameters);

    /// <summary>The same, alone.</summary>
    public static async Task<IReadOnlyList<Meeting>> SelectedAsync(
        IQuerySession session,
        string ids,
        object[] parameters,
        CancellationToken ct
    ) => await session.QueryAsync<Meeting>(Of(ids), ct, parameters);

    /// <summary>Headers of the meetings whose ids the SQL gives, in its order, each looked up by its id.</summary>
    private static string Of(string ids) =>
        $"select h.header from unnest(array({ids})) with ordinality as o(id, n) cross join lateral "
        + $"(select header from governance.{MeetingHeaderTable.TableName} where id = o.id offset 0) h order by o.n";

    /// <summary>
    /// SQL selecting <paramref name="columns"/> of the meetings (as m) whose ids the SQL <paramref name="ids"/> gives,
    /// each with its place in that order (o.n). Each meeting is looked up by its id (a lateral subquery that the
    /// planner may not flatten into a join): as a plain join, a small store's statistics make merging with the whole
    /// primary key cheapest, and that read grows with the store.
    /// </summary>
    public static string Selecting(string columns, string ids) =>
        $"select {columns} from unnest(array({ids})) with ordinality as o(id, n) "
        + $"cross join lateral (select * from {Table} where id = o.id offset 0) m";

    /// <summary>In a batch of queries: the headers of the meetings from one day to another, by date.</summary>
    public static Task<IReadOnlyList<Meeting>> Between(IBatchedQuery batch, DateOnly first, DateOnly last) =>
        Selected(batch, $"{Ids} {Dated}", [first, last]);

    /// <summary>
    /// In a batch of queries: the headers of a year's meetings (of one body, if given), by date and time of day: the
    /// date along its index, the time in memory, since ordering by it in SQL would read every meeting's document.
    /// </summary>
    public static async Task<IReadOnlyList<Meeting>> OfYear(IBatchedQuery batch, int year, Body? body = null)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var headers = body is { } b
            ? await Selected(batch, $"{Ids} {BodyKey} = ? and {Dated}", [b.ToString(), first, last])
            : await Between(batch, first, last);
        return [.. headers.OrderBy(m => m.Date).ThenBy(m => m.StartsAt)];
    }

    /// <summary>The meetings' table, and the start of SQL choosing their ids.</summary>
    public const string Table = "governance.mt_doc_meeting";
    public const string Ids = $"select id from {Table} where";

    /// <summary>From one day to another (two parameters), by date, along the date index.</summary>
    private const string Dated = "date >= ? and date <= ? order by date";

    /// <summary>The body as its index on body and date holds it.</summary>
    private const string BodyKey = "(data ->> 'Body')";
}
