using System.Net;
using System.Text;
using Governance.Infrastructure.Swedish;
using Governance.Meetings;
using Governance.Municipalities;

namespace Governance.Calendar;

/// <summary>The public page of a meeting, where the calendar feed links: when and where, the agenda, and the minutes once approved.</summary>
public static class MeetingPageEndpoint
{
    [AllowAnonymous]
    [WolverineGet("/sammantraden/{meetingId}", OperationId = "GetMeetingPage")]
    public static async Task<IResult> Get(Guid meetingId, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<Meeting>(meetingId, ct) is not { } m) return Results.NotFound();
        var names = await MunicipalityNames.LoadAsync(session, ct);
        static string H(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append($"<title>{H(Labels.Of(m.Kind))} {m.Date:yyyy-MM-dd} – {H(Labels.Of(m.Body))}</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#111}a{color:#0b4f8a}</style></head><body><main>")
            .Append($"<h1>{H(Labels.Of(m.Kind))} {m.Date:yyyy-MM-dd}</h1><p>{H(Labels.Of(m.Body))}<br>kl. {m.StartsAt:HH\\.mm}–{m.EndsAt:HH\\.mm}, {H(m.Place)} ({H(names.NameOr(m.HostMunicipalityCode))})</p>");
        if (m.Status == MeetingStatus.Cancelled) html.Append($"<p><strong>Inställt.</strong> {H(m.CancellationReason)}</p>");
        if (m.Agenda.Count > 0)
            html.Append("<h2>Dagordning</h2><ol>").Append(string.Concat(m.Agenda.OrderBy(i => i.Number).Select(i => $"<li>{H(i.Title)}</li>"))).Append("</ol>");
        if (m.Approval is not null) html.Append($"<p><a href=\"/api/meetings/{m.Id}/minutes.html\">Justerade minnesanteckningar</a></p>");
        html.Append("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
