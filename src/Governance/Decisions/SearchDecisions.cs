using System.Text;
using Governance.Decisions.Swedish;
using Governance.Meetings;
using Governance.Municipalities;
using Governance.Offices;
using Microsoft.AspNetCore.RateLimiting;

namespace Governance.Decisions;

public sealed record DecisionHit(
    Guid ItemId,
    Guid MeetingId,
    DateOnly MeetingDate,
    Body Body,
    int ItemNumber,
    string ItemTitle,
    string Kind,
    string? RaisedBy,
    OutcomeKind Outcome,
    string Text,
    IReadOnlyList<string> Objectors,
    bool Corrected,
    string MeetingLink,
    string MinutesLink
);

/// <summary>A page of hits; `total` is exact up to 100 (`totalIsLowerBound` beyond).</summary>
public sealed record DecisionPage(
    string? Q,
    int Page,
    int PageSize,
    long Total,
    bool TotalIsLowerBound,
    IReadOnlyList<DecisionHit> Hits
);

public static class SearchDecisionsEndpoint
{
    public const int MaxPageSize = 100;
    public const int MaxCounted = 100;

    /// <summary>
    /// How deep a page may reach into the hits, newest first: a page is read by passing every hit before it, so a
    /// deeper one would cost work that grows with the archive (the newest 1 000 decisions took 1–40 ms in the
    /// database, passing 11 000 of them 290 ms). Older decisions are found by narrowing: a year, a body, more words.
    /// </summary>
    public const int MaxDepth = 1000;

    public static readonly PageBounds Pages = new(20, MaxPageSize, MaxDepth);

    /// <summary>
    /// A year no record can have is a 400 naming `year`, not a failure; a page deeper than <see cref="MaxDepth"/> a
    /// 400 naming `page`.
    /// </summary>
    public static ProblemDetails Validate(int? year, int? page, int? pageSize)
    {
        if (Dates.YearWithinBounds(year) is var yearProblem && yearProblem != WolverineContinue.NoProblems)
            return yearProblem;
        return Pages.Refusal(
            page,
            pageSize,
            (deepest, size) =>
                $"Högst de {MaxDepth} senaste träffarna går att bläddra fram (sida {deepest} med {size} per sida). "
                + "Avgränsa sökningen med år, organ, kommun, slag, utfall eller fler sökord."
        );
    }

    /// <summary>
    /// The decision history: every outcome ever recorded, newest first. Words are matched by their
    /// Swedish lemmas ("beslutet" finds "beslut", "antog" finds "anta") and compound parts ("trafik" finds
    /// "Kollektivtrafikplan").
    /// Decisions in approved minutes are public records, searchable without signing in.
    /// </summary>
    [EnableRateLimiting(RateLimits.Search)]
    [WolverineGet("/api/decisions", OperationId = "SearchDecisions")]
    public static async Task<DecisionPage> Get(
        string? q,
        int? year,
        Guid? meetingId,
        Body? body,
        string? municipality,
        string? kind,
        OutcomeKind? outcome,
        int? page,
        int? pageSize,
        ClaimsPrincipal user,
        IQuerySession session,
        SwedishLemmas lemmas,
        CancellationToken ct
    )
    {
        var size = Pages.SizeOf(pageSize);
        var number = Pages.NumberOf(page, size);
        var where = new StringBuilder("true");
        var parameters = new List<object>();
        var query = DecisionQuery.TsQuery(lemmas.QueryOf(q ?? ""));
        if (query is not null)
            where.Append(" and ").Append(DecisionQuery.MatchSql(DecisionSearchSchema.Vector, query));
        void Filter(string sql, string? value)
        {
            if (value is null)
                return;
            where.Append(" and ").Append(sql).Append(' ');
            if (DecisionQuery.Literal(value) is { } literal)
                where.Append(literal);
            else
            {
                where.Append('?');
                parameters.Add(value);
            }
        }
        // A year as a range of the date index, so the newest-first order starts at the year's end.
        Filter($"{DecisionsStore.MeetingDateIndexed} >=", year is { } y ? Dates.Iso(new DateOnly(y, 1, 1)) : null);
        Filter($"{DecisionsStore.MeetingDateIndexed} <=", year is { } z ? Dates.Iso(new DateOnly(z, 12, 31)) : null);
        Filter("(data ->> 'MeetingId')::uuid =", meetingId?.ToString());
        Filter("data ->> 'Body' =", body?.ToString());
        Filter("data ->> 'RaisedByMunicipalityCode' =", municipality);
        Filter("data ->> 'Kind' =", kind?.Trim().ToLowerInvariant());
        Filter("data ->> 'Outcome' =", outcome?.ToString());
        // The public sees decisions once the minutes are approved (PublicView: the record is public); signed-in users
        // see the drafts' outcomes too. Approval is the meeting's own: read from it, never copied into the records.
        if (user.Identity?.IsAuthenticated != true)
            where.Append(" and ").Append(ApprovedMeetings.Holds("(d.data ->> 'MeetingId')::uuid"));

        // With words, each decision's stored vector is joined to it (the words' index is on that table).
        var table = "governance.mt_doc_decisionrecord d"
            + (query is null ? "" : " " + DecisionSearchSchema.Join("governance"));
        // Counting stops at a bound: a query matching most of a large archive costs no more than one that does not.
        // Without words it counts the newest along the date index. With words PostgreSQL chooses, the bound in view:
        // a rare word's few matches through the words' index, a common word's first matches in any order (each stored
        // vector is tested at little cost). Read in full first, a common word's 6 364 matches took 55 ms.
        var matched = query is null
            ? $"select 1 from {table} where {where} order by {DecisionsStore.MeetingDateIndexed} desc"
            : $"select 1 from {table} where {where}";
        // The count, the page and the names in one round trip.
        var batch = session.CreateBatchQuery();
        var counted = batch.Query<Counted>(
            $"select jsonb_build_object('Count', count(*)) from ({matched} limit {MaxCounted + 1}) c",
            [.. parameters]
        );
        // Newest first, along the meeting date's index: a page reads about as many rows as it shows, however many
        // decisions match. Ranking by relevance would score every match of a common word first (PostgreSQL has no
        // index for ts_rank), which grows with the archive.
        // The page's bounds are written in too: planned for a parameter, a limit is taken to be a tenth of the rows.
        var shown = batch.Query<DecisionRecord>(
            $"select d.data from {table} where {where} order by {DecisionsStore.MeetingDateIndexed} desc, "
                + $"(d.data ->> 'ItemNumber')::int limit {size} offset {(number - 1) * size}",
            [.. parameters]
        );
        var named = MunicipalityNames.Load(batch);
        await batch.Execute(ct);
        var (total, records) = ((await counted).Single().Count, await shown);
        var names = await named;
        return new DecisionPage(
            q,
            number,
            size,
            total,
            total > MaxCounted,
            [
                .. records.Select(r => new DecisionHit(
                    r.Id,
                    r.MeetingId,
                    r.MeetingDate,
                    r.Body,
                    r.ItemNumber,
                    r.ItemTitle,
                    r.Kind,
                    r.RaisedByMunicipalityCode is { } c ? names.NameOr(c) : null,
                    r.Outcome,
                    r.Text,
                    [.. r.Objectors.Select(names.NameOr)],
                    r.Corrected,
                    $"/api/meetings/{r.MeetingId}",
                    $"/api/meetings/{r.MeetingId}/minutes"
                )),
            ]
        );
    }

    /// <summary>A count read in a batch of queries, which takes rows of classes only.</summary>
    private sealed record Counted(long Count);
}
