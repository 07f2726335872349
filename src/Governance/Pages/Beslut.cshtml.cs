using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Governance.Decisions;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Pages;

/// <summary>The decision history for everyone: the same search as the API, the words found marked in the results.</summary>
public sealed partial class BeslutModel(IQuerySession session) : PageModel
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public string? Q { get; private set; }
    public int? Year { get; private set; }
    public string? Kind { get; private set; }
    public DecisionPage? Results { get; private set; }

    public async Task OnGetAsync(string? q, [FromQuery(Name = "ar")] int? year, [FromQuery(Name = "slag")] string? kind, CancellationToken ct)
    {
        (Q, Year, Kind) = (q, year, string.IsNullOrWhiteSpace(kind) ? null : kind);
        Results = await SearchDecisionsEndpoint.Get(Q, Year, null, null, null, Kind, null, 1, 50, User, session, ct);
    }

    /// <summary>
    /// The text with each searched word marked where it occurs, compounds included; an inflected word ("remisser")
    /// is marked by its first five letters ("remis…") where the whole word is not found.
    /// </summary>
    public IHtmlContent Highlight(string text)
    {
        var words = Q is null ? [] : WordPattern().Matches(Q).Select(m => m.Value).Where(w => w.Length >= 2).ToList();
        var stems = words.Concat(words.Where(w => w.Length > 5).Select(w => w[..5])).Distinct().OrderByDescending(w => w.Length).ToList();
        if (stems.Count == 0) return new HtmlString(Encoder.Encode(text));
        var pattern = new Regex(string.Join('|', stems.Select(Regex.Escape)), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var html = new System.Text.StringBuilder();
        var last = 0;
        foreach (Match match in pattern.Matches(text))
        {
            html.Append(Encoder.Encode(text[last..match.Index])).Append("<mark>").Append(Encoder.Encode(match.Value)).Append("</mark>");
            last = match.Index + match.Length;
        }
        return new HtmlString(html.Append(Encoder.Encode(text[last..])).ToString());
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
