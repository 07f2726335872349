using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Governance.Decisions;
using Governance.Decisions.Swedish;
using Governance.Meetings;
using Governance.Municipalities;
using Governance.Offices;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Governance.Pages;

/// <summary>
/// The decision history for everyone: the same search as the API, the words found marked in the results.
/// </summary>
[EnableRateLimiting(RateLimits.Search)]
public sealed partial class BeslutModel(IQuerySession session, HtmlEncoder encoder, SwedishLemmas lemmas) : PageModel
{
    public string? Q { get; private set; }
    public int? Year { get; private set; }
    public string? Kind { get; private set; }
    public Body? Body { get; private set; }
    public string? Municipality { get; private set; }
    public OutcomeKind? Outcome { get; private set; }
    public int PageNumber { get; private set; }
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public DecisionPage? Results { get; private set; }
    public const int PageSize = 25;

    /// <summary>The query's lemmas, worked out once for every text the page marks.</summary>
    private HashSet<string>? _wanted;

    public async Task OnGetAsync(
        string? q,
        [FromQuery(Name = "ar")] int? year,
        [FromQuery(Name = "slag")] string? kind,
        [FromQuery(Name = "organ")] Body? body,
        [FromQuery(Name = "kommun")] string? municipality,
        [FromQuery(Name = "utfall")] OutcomeKind? outcome,
        [FromQuery(Name = "sida")] int? page,
        CancellationToken ct
    )
    {
        // A year no record can have (ar=0) is left out, as the year lists do, instead of failing the page.
        Year = year is { } y && Dates.IsPlausible(y) ? y : null;
        (Q, Kind, Body, Outcome) = (q, string.IsNullOrWhiteSpace(kind) ? null : kind, body, outcome);
        Municipality = string.IsNullOrWhiteSpace(municipality) ? null : municipality;
        PageNumber = SearchDecisionsEndpoint.Pages.NumberOf(page, PageSize);
        Results = await SearchDecisionsEndpoint.Get(
            Q,
            Year,
            null,
            Body,
            Municipality,
            Kind,
            Outcome,
            PageNumber,
            PageSize,
            User,
            session,
            lemmas,
            ct
        );
        // Read with the page, in the search's batch of queries.
        Names = await MunicipalityNames.LoadAsync(session, ct);
    }

    /// <summary>This search with another page number, for the pager.</summary>
    public string PageLink(int page)
    {
        var query = Request
            .Query.Where(p => p.Key != "sida")
            .SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? "")}"));
        return "/beslut?" + string.Join('&', query.Append($"sida={page}"));
    }

    /// <summary>
    /// The text with each word the search matched marked: a word whose lemmas meet the query's ("beslutet" for
    /// "beslut", "anta" for "antog"). Where the query's lemma stands inside a compound, only that part is marked
    /// (Kollektiv‹trafik›plan).
    /// </summary>
    public IHtmlContent Highlight(string text)
    {
        var wanted = _wanted ??= Q is null
            ? []
            : lemmas.QueryOf(Q).SelectMany(w => w).SelectMany(r => r).ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0)
            return new HtmlString(encoder.Encode(text));
        var html = new System.Text.StringBuilder();
        var last = 0;
        foreach (Match word in WordPattern().Matches(text))
        {
            if (!lemmas.Lexemes(word.Value).Overlaps(wanted))
                continue;
            var (start, length) = MarkedPart(word.Value, wanted);
            html.Append(encoder.Encode(text[last..(word.Index + start)]))
                .Append("<mark>")
                .Append(encoder.Encode(word.Value.Substring(start, length)))
                .Append("</mark>");
            last = word.Index + start + length;
        }
        return new HtmlString(html.Append(encoder.Encode(text[last..])).ToString());
    }

    private static (int Start, int Length) MarkedPart(string word, IEnumerable<string> wanted)
    {
        var inside = wanted
            .Where(l => l.Length < word.Length)
            .Select(l => (Lemma: l, At: word.IndexOf(l, StringComparison.OrdinalIgnoreCase)))
            .Where(p => p.At >= 0)
            .OrderByDescending(p => p.Lemma.Length)
            .FirstOrDefault();
        return inside.Lemma is null ? (0, word.Length) : (inside.At, inside.Lemma.Length);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
