using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Governance.Offices;
using Governance.Decisions;
using Governance.Meetings;
using Governance.Municipalities;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Governance.Pages;

/// <summary>The decision history for everyone: the same search as the API, the words found marked in the results.</summary>
[EnableRateLimiting(RateLimits.Search)]
public sealed partial class BeslutModel(IQuerySession session, HtmlEncoder encoder) : PageModel
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

    public async Task OnGetAsync(string? q, [FromQuery(Name = "ar")] int? year, [FromQuery(Name = "slag")] string? kind,
        [FromQuery(Name = "organ")] Body? body, [FromQuery(Name = "kommun")] string? municipality, [FromQuery(Name = "utfall")] OutcomeKind? outcome,
        [FromQuery(Name = "sida")] int? page, CancellationToken ct)
    {
        (Q, Year, Kind, Body, Outcome) = (q, year, string.IsNullOrWhiteSpace(kind) ? null : kind, body, outcome);
        Municipality = string.IsNullOrWhiteSpace(municipality) ? null : municipality;
        PageNumber = Math.Max(page ?? 1, 1);
        Names = await MunicipalityNames.LoadAsync(session, ct);
        Results = await SearchDecisionsEndpoint.Get(Q, Year, null, Body, Municipality, Kind, Outcome, PageNumber, PageSize, User, session, ct);
    }

    /// <summary>This search with another page number, for the pager.</summary>
    public string PageLink(int page)
    {
        var query = Request.Query.Where(p => p.Key != "sida").SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? "")}"));
        return "/beslut?" + string.Join('&', query.Append($"sida={page}"));
    }

    /// <summary>
    /// The text with each searched word marked where it occurs, compounds included; an inflected word ("remisser")
    /// is marked by its first five letters ("remis…") where the whole word is not found.
    /// </summary>
    public IHtmlContent Highlight(string text)
    {
        var words = Q is null ? [] : WordPattern().Matches(Q).Select(m => m.Value).Where(w => w.Length >= 2).ToList();
        var stems = words.Concat(words.Where(w => w.Length > 5).Select(w => w[..5])).Distinct().OrderByDescending(w => w.Length).ToList();
        if (stems.Count == 0) return new HtmlString(encoder.Encode(text));
        var pattern = new Regex(string.Join('|', stems.Select(Regex.Escape)), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var html = new System.Text.StringBuilder();
        var last = 0;
        foreach (Match match in pattern.Matches(text))
        {
            html.Append(encoder.Encode(text[last..match.Index])).Append("<mark>").Append(encoder.Encode(match.Value)).Append("</mark>");
            last = match.Index + match.Length;
        }
        return new HtmlString(html.Append(encoder.Encode(text[last..])).ToString());
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
