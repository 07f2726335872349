using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Governance.Infrastructure.Swedish;
using Governance.Meetings;

namespace Governance.Minutes;

/// <summary>The minutes as a printable HTML document in Swedish: what the municipal registries file.</summary>
public static class MinutesHtml
{
    private const string Style = """
        body{font-family:Georgia,'Times New Roman',serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#111}
        h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.1rem;margin-top:1.6rem;border-bottom:1px solid #999}
        .meta{color:#333}.status{display:inline-block;border:1px solid #333;padding:0 .4rem;font-size:.85rem}
        table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.15rem .5rem .15rem 0;vertical-align:top}
        .outcome{margin:.3rem 0 .3rem 1rem}.quorum,.correction{font-size:.85rem;color:#333}
        @media print{body{margin:0;max-width:none;font-size:11pt}a{color:inherit;text-decoration:none}h2{break-after:avoid}.item{break-inside:avoid}}
        """;

    /// <summary>
    /// The printable copy keeps its style inside (a registry files one self-contained document), so its answer allows
    /// that one style block by its hash and nothing else: no script, no other style.
    /// </summary>
    public static readonly string ContentSecurityPolicy = $"default-src 'none'; style-src 'sha256-{Hash(Style)}'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static string Hash(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string Render(MinutesDocument m)
    {
        var e = HtmlEncoder.Create(UnicodeRanges.All); // å, ä, ö as themselves
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append($"<title>Minnesanteckningar {m.Date:yyyy-MM-dd} – {e.Encode(Labels.Of(m.Body))}</title><style>{Style}</style></head><body><main>")
            .Append(RenderContent(m))
            .Append("</main></body></html>");
        return html.ToString();
    }

    /// <summary>The minutes themselves, without the page around them: for the printable document and the minutes screen.</summary>
    public static string RenderContent(MinutesDocument m)
    {
        var e = HtmlEncoder.Create(UnicodeRanges.All);
        string H(string? s) => e.Encode(s ?? "");
        static string Time(TimeOnly t) => t.ToString("HH\\.mm", CultureInfo.InvariantCulture);
        var html = new StringBuilder();
        html.Append($"<h1>Minnesanteckningar</h1><p class=\"meta\">{H(Labels.Of(m.Body))}<br>{H(Labels.Of(m.Kind))} {m.Date:yyyy-MM-dd} kl. {Time(m.StartsAt)}")
            .Append(m.ClosedAt is { } closed ? $"–{Time(closed)}" : "")
            .Append($"<br>{H(m.Place)} ({H(m.HostMunicipality)})</p><p><span class=\"status\">{H(Labels.Of(m.Status))}</span> version {m.Version}</p>");
        if (!string.IsNullOrWhiteSpace(m.Preamble)) html.Append($"<p>{H(m.Preamble)}</p>");

        AppendAttendees(html, "Närvarande ledamöter", m.Members, H);
        AppendAttendees(html, "Kommundirektörer", m.Directors, H);
        AppendAttendees(html, "Övriga närvarande", m.Guests, H);

        html.Append("<h2>Ärenden</h2>");
        foreach (var item in m.Items)
        {
            html.Append($"<section class=\"item\"><h3>§ {item.Number} {H(item.Title)}</h3>");
            if (item.RaisedBy is not null) html.Append($"<p class=\"meta\">Väckt av {H(item.RaisedBy)}</p>");
            if (!string.IsNullOrWhiteSpace(item.Text)) html.Append($"<p>{H(item.Text)}</p>");
            if (item.Outcome is { } outcome)
            {
                html.Append($"<p class=\"outcome\"><strong>{H(Labels.Of(outcome))}:</strong> {H(item.OutcomeText)}</p>");
                if (item.Objectors.Count > 0)
                    html.Append($"<p class=\"outcome\">Invändning från {H(string.Join(", ", item.Objectors.Select(o => o.MunicipalityName)))}.</p>");
                if (item.Rule is { } rule && rule != Agreement.DecisionRule.Consensus && item.Votes is { } v)
                    html.Append($"<p class=\"outcome\">Enligt överenskommen beslutsordning ({H(Labels.Of(rule))}): {v.For.Count} för, {v.Against.Count} emot, {v.Abstained.Count} avstod.</p>");
                if (item.Quorum is { } q)
                    html.Append($"<p class=\"quorum\">Beslutförhet kl. {Time(q.At)}: {q.Present} av {q.Members} ledamöter närvarande (minst {q.Required}).</p>");
            }
            if (item.Documents.Count > 0)
                html.Append("<p class=\"meta\">Handlingar: ").Append(string.Join("; ", item.Documents.Select(d => $"{H(d.Title)} (SHA-256 {H(d.Sha256[..12])}…)"))).Append("</p>");
            html.Append("</section>");
        }

        if (m.Approval is { } approval)
            html.Append($"<h2>Justering</h2><p>Justerade av {H(approval.ApprovedBy)} {approval.ApprovedAt.StockholmDate():yyyy-MM-dd} (version {approval.MinutesVersion}).</p>");
        if (m.Corrections.Count > 0)
        {
            html.Append("<h2>Rättelser</h2>");
            foreach (var c in m.Corrections)
                html.Append($"<p class=\"correction\">{c.CorrectedAt.StockholmDate():yyyy-MM-dd}, {H(c.CorrectedBy)}: {H(c.What)} ({H(Labels.Of(c.Target))}). Skäl: {H(c.Why)}</p>");
        }
        return html.ToString();
    }

    private static void AppendAttendees(StringBuilder html, string heading, IReadOnlyList<MinutesAttendee> people, Func<string?, string> h)
    {
        if (people.Count == 0) return;
        html.Append($"<h2>{heading}</h2><table><tbody>");
        foreach (var p in people)
        {
            var times = $"{p.ArrivedAt:HH\\.mm}" + (p.DepartedAt is { } d ? $"–{d:HH\\.mm}" : "");
            html.Append($"<tr><td>{h(p.PersonName)}</td><td>{h(p.MunicipalityName)}</td><td>{h(Labels.Of(p.Mode))}</td><td>{times}</td></tr>");
        }
        html.Append("</tbody></table>");
    }
}
