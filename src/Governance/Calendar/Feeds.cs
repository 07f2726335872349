using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Governance.Distribution;
using Governance.Infrastructure.Swedish;
using Governance.Meetings;
using Governance.Municipalities;
using Microsoft.AspNetCore.RateLimiting;

namespace Governance.Calendar;

public static class FeedsEndpoint
{
    /// <summary>The calendar of both bodies to subscribe to (public); meetings after a dissolution cancelled.</summary>
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.Feeds)]
    [WolverineGet("/calendar.ics", OperationId = "GetCalendarFeed")]
    public static async Task<IResult> GetCalendar(IQuerySession session, DistributionOptions options, TimeProvider clock, CancellationToken ct)
    {
        // Subscribers' calendar programs do not sign in: the feed is public, whoever fetches it.
        var dissolution = await MeetingsAfterDissolution.LoadAsync(session, ct);
        var meetings = (await session.Query<Meeting>().OrderBy(m => m.Date).ToListAsync(ct))
            .Select(m => PublicView.PublicPartOf(MeetingsAfterDissolution.AsShown(m, dissolution)));
        var ics = ICalendar.Render(meetings, await MunicipalityNames.LoadAsync(session, ct), options.PublicBaseUrl, clock.GetUtcNow());
        return Results.Text(ics, "text/calendar; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>Approved minutes as an Atom feed (public records), newest first, with corrections as updates.</summary>
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.Feeds)]
    [WolverineGet("/minutes.atom", OperationId = "GetMinutesFeed")]
    public static async Task<IResult> GetMinutes(IQuerySession session, DistributionOptions options, TimeProvider clock, CancellationToken ct)
    {
        var approved = (await session.Query<Meeting>().ToListAsync(ct)).Select(PublicView.PublicPartOf)
            .Where(m => m.Approval is not null).OrderByDescending(m => m.Date).Take(100).ToList();
        var items = approved.Select(m =>
        {
            var updated = m.Corrections.Select(c => c.CorrectedAt).Append(m.Approval!.ApprovedAt).Max();
            var link = new Uri($"{options.PublicBaseUrl}/api/meetings/{m.Id}/minutes.html");
            var item = new SyndicationItem($"Minnesanteckningar {m.Date:yyyy-MM-dd} – {Labels.Of(m.Body)}",
                $"{Labels.Of(m.Kind)} i {m.Place}. {Labels.Count(m.Agenda.Count, "ärende", "ärenden")}. Justerade {m.Approval.ApprovedAt:yyyy-MM-dd} av {m.Approval.ApprovedBy}." +
                (m.Corrections.Count > 0 ? $" Rättade {Labels.Count(m.Corrections.Count, "gång", "gånger")}." : ""), link, $"urn:uuid:{m.Id}", updated);
            item.Authors.Add(new SyndicationPerson { Name = "Södertörns samarbetskommitté" });
            return item;
        }).ToList();
        var feed = new SyndicationFeed("Minnesanteckningar – Södertörns samarbetskommitté", "Justerade minnesanteckningar från samarbetskommitténs och ledningsgruppens sammanträden.",
            new Uri($"{options.PublicBaseUrl}/minutes.atom"), "urn:governance:minutes", items.Count > 0 ? items.Max(i => i.LastUpdatedTime) : clock.GetUtcNow(), items)
        { Language = "sv" };
        var xml = new StringBuilder();
        using (var writer = XmlWriter.Create(xml, new XmlWriterSettings { Encoding = Encoding.UTF8, Indent = true }))
            new Atom10FeedFormatter(feed).WriteTo(writer);
        return Results.Text(xml.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), "application/atom+xml; charset=utf-8", Encoding.UTF8);
    }
}
