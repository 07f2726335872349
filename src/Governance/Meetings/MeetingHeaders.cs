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
    /// In a batch of queries: a page of a year's meetings (of one body, if given), by date, time of day and id, and
    /// whether the year goes on after it. The date comes along its index, the time from each meeting's header: the
    /// meetings are sorted a day at a time as PostgreSQL passes them, never the whole year.
    /// </summary>
    public static async Task<YearPage> OfYear(IBatchedQuery batch, int year, Body? body, int page, int pageSize)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var ofBody = body is { } b ? $"{BodyKey} = ? and " : "";
        object[] bounds = body is { } c ? [c.ToString(), first, last] : [first, last];
        var ids = $"select id from {Table} m where {ofBody}date >= ? and date <= ? order by date, "
            + $"(select header ->> 'StartsAt' from governance.{MeetingHeaderTable.TableName} where id = m.id), id "
            + "offset ? limit ?";
        // One more than the page, to know whether another follows.
        var headers = await Selected(batch, ids, [.. bounds, (page - 1) * pageSize, pageSize + 1]);
        return new([.. headers.Take(pageSize)], headers.Count > pageSize);
    }

    /// <summary>A page of a year's meetings, and whether more follow it.</summary>
    public sealed record YearPage(IReadOnlyList<Meeting> Meetings, bool More);

    /// <summary>The meetings' table, and the start of SQL choosing their ids.</summary>
    public const string Table = "governance.mt_doc_meeting";
    public const string Ids = $"select id from {Table} where";

    /// <summary>From one day to another (two parameters), by date, along the date index.</summary>
    private const string Dated = "date >= ? and date <= ? order by date";

    /// <summary>The body as its index on body and date holds it.</summary>
    private const string BodyKey = "(data ->> 'Body')";
}
