using System.Text;
using System.Text.RegularExpressions;
using Governance.Meetings;
using Governance.Municipalities;
using Governance.Offices;
using Microsoft.AspNetCore.RateLimiting;

namespace Governance.Decisions;

public sealed record DecisionHit(
    Guid ItemId, Guid MeetingId, DateOnly MeetingDate, Body Body, int ItemNumber, string ItemTitle, string Kind, string? RaisedBy,
    OutcomeKind Outcome, string Text, IReadOnlyList<string> Objectors, bool Corrected, string MeetingLink, string MinutesLink);

public sealed record DecisionPage(string? Q, int Page, int PageSize, long Total, IReadOnlyList<DecisionHit> Hits);

public static partial class SearchDecisionsEndpoint
{
    public const int MaxPageSize = 100;

    /// <summary>Title, wording and kind: the full-text index's own expression (DecisionsStore), so the index is used.</summary>
    private const string SearchedText =
        "((data ->> 'ItemTitle') || ' ' || (data ->> 'Text') || ' ' || (data ->> 'Kind'))";

    /// <summary>
    /// The decision history: every outcome ever recorded, newest first or best match first. Words are matched in
    /// Swedish (inflections: "remisser" finds "remiss") and inside compound words ("trafik" finds "Kollektivtrafikplan").
    /// Decisions in approved minutes are public records, searchable without signing in.
    /// </summary>
    [EnableRateLimiting(RateLimits.Search)]
    [WolverineGet("/api/decisions", OperationId = "SearchDecisions")]
    public static async Task<DecisionPage> Get(string? q, int? year, Guid? meetingId, Body? body, string? municipality, string? kind,
        OutcomeKind? outcome, int? page, int? pageSize, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var size = Math.Clamp(pageSize ?? 20, 1, MaxPageSize);
        var number = Math.Max(page ?? 1, 1);
        var where = new StringBuilder("true");
        var parameters = new List<object>();
        var words = Words(q);
        foreach (var word in words)
        {
            // Full-text match on the Swedish stem, or the stem inside a longer (compound) word.
            where.Append($" and (to_tsvector('swedish', {SearchedText}) @@ plainto_tsquery('swedish', ?)" +
                         $" or {SearchedText} ilike '%' || " +
                         "coalesce((ts_lexize('swedish_stem', lower(?)))[1], lower(?)) || '%')");
            parameters.AddRange([word, word, word]);
        }
        void Filter(string sql, object? value)
        {
            if (value is null) return;
            where.Append(" and ").Append(sql);
            parameters.Add(value);
        }
        Filter("(data ->> 'Year')::int = ?", year);
        Filter("data ->> 'MeetingId' = ?", meetingId?.ToString());
        Filter("data ->> 'Body' = ?", body?.ToString());
        Filter("data ->> 'RaisedByMunicipalityCode' = ?", municipality);
        Filter("data ->> 'Kind' = ?", kind?.Trim().ToLowerInvariant());
        Filter("data ->> 'Outcome' = ?", outcome?.ToString());
        // The public sees decisions once the minutes are approved (PublicView: the record is public; the projection
        // marks each record Approved with the minutes); signed-in users see the drafts' outcomes too.
        if (user.Identity?.IsAuthenticated != true) where.Append(" and (data ->> 'Approved')::boolean");

        var table = "governance.mt_doc_decisionrecord";
        var total = (await session.QueryAsync<long>($"select count(*) from {table} where {where}", ct, [.. parameters])).Single();
        var byRank = words.Count == 0 ? ""
            : $"ts_rank(to_tsvector('swedish', {SearchedText}), plainto_tsquery('swedish', ?)) desc, ";
        var pageParameters = new List<object>(parameters);
        if (words.Count > 0) pageParameters.Add(string.Join(' ', words));
        pageParameters.AddRange([size, (number - 1) * size]);
        var records = await session.QueryAsync<DecisionRecord>(
            $"select data from {table} where {where} order by {byRank}data ->> 'MeetingDate' desc, (data ->> 'ItemNumber')::int limit ? offset ?",
            ct, [.. pageParameters]);

        var names = await MunicipalityNames.LoadAsync(session, ct);
        return new DecisionPage(q, number, size, total, [.. records.Select(r => new DecisionHit(r.Id, r.MeetingId, r.MeetingDate, r.Body,
            r.ItemNumber, r.ItemTitle, r.Kind, r.RaisedByMunicipalityCode is { } c ? names.NameOr(c) : null, r.Outcome, r.Text,
            [.. r.Objectors.Select(names.NameOr)], r.Corrected, $"/api/meetings/{r.MeetingId}", $"/api/meetings/{r.MeetingId}/minutes"))]);
    }

    private static List<string> Words(string? q) =>
        q is null ? [] : [.. WordPattern().Matches(q).Select(m => m.Value).Where(w => w.Length >= 2).Distinct().Take(10)];

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
