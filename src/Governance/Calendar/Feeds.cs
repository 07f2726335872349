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
    /// <summary>Entries in the minutes feed: a reader polls it, so the latest are enough.</summary>
    public const int FeedEntries = 30;

    /// <summary>
    /// Meetings each way in the calendar feed: years of this committee's history and plans, bounded in any archive.
    /// </summary>
    public const int MeetingsEachWay = 100;

    /// <summary>
    /// The calendar of both bodies to subscribe to (public): the next 100 meetings and the latest 100 held or
    /// cancelled, those after a dissolution cancelled.
    /// </summary>
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.Feeds)]
    [WolverineGet("/calendar.ics", OperationId = "GetCalendarFeed")]
    public static async Task<IResult> GetCalendar(
        IQuerySession session,
        DistributionOptions options,
        RenderedFeeds feeds,
        HttpContext http,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        // Subscribers' calendar programs do not sign in: the feed is public, whoever fetches it.
        var today = clock.Today();
        var past = await session
            .Query<Meeting>()
            .Where(m => m.Date < today)
            .OrderByDescending(m => m.Date)
            .Take(MeetingsEachWay)
            .Select(m => m.Id)
            .WithValuesRead()
            .ToListAsync(ct);
        var planned = await session
            .Query<Meeting>()
            .Where(m => m.Date >= today)
            .OrderBy(m => m.Date)
            .Take(MeetingsEachWay)
            .Select(m => m.Id)
            .WithValuesRead()
            .ToListAsync(ct);
        var shown = past.AsEnumerable().Reverse().Concat(planned).ToList();
        var fingerprint = await FeedFingerprint.OfAsync(
            session,
            shown,
            ct,
            FeedFingerprint.Register.Municipalities,
            FeedFingerprint.Register.Agreement
        );
        return await feeds.ServeAsync(
            http,
            "calendar",
            fingerprint,
            "text/calendar; charset=utf-8",
            async () =>
            {
                var dissolution = await MeetingsAfterDissolution.LoadAsync(session, ct);
                var meetings = (await MeetingHeaders.ByIdsAsync(session, shown, ct)).Select(m =>
                    PublicView.PublicPartOf(MeetingsAfterDissolution.AsShown(m, dissolution))
                );
                var names = await MunicipalityNames.LoadAsync(session, ct);
                return ICalendar.Render(meetings, names, options.PublicBaseUrl, clock.GetUtcNow());
            }
        );
    }

    /// <summary>
    /// The latest approved minutes as an Atom feed (public records), newest first, with corrections as updates.
    /// </summary>
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.Feeds)]
    [WolverineGet("/minutes.atom", OperationId = "GetMinutesFeed")]
    public static async Task<IResult> GetMinutes(
        IQuerySession session,
        DistributionOptions options,
        RenderedFeeds feeds,
        HttpContext http,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var shown = await ApprovedMeetings.LatestAsync(session, FeedEntries, ct);
        var fingerprint = await FeedFingerprint.OfAsync(session, shown, ct);
        return await feeds.ServeAsync(
            http,
            "minutes",
            fingerprint,
            "application/atom+xml; charset=utf-8",
            async () =>
            {
                var loaded = (await session.LoadManyAsync<Meeting>(ct, shown)).ToDictionary(m => m.Id);
                return MinutesFeed([.. shown.Where(loaded.ContainsKey).Select(id => loaded[id])], options, clock);
            }
        );
    }

    private static string MinutesFeed(IReadOnlyList<Meeting> shown, DistributionOptions options, TimeProvider clock)
    {
        var approved = shown.Select(PublicView.PublicPartOf).ToList();
        var items = approved
            .Select(m =>
            {
                var updated = m.Corrections.Select(c => c.CorrectedAt).Append(m.Approval!.ApprovedAt).Max();
                var link = new Uri($"{options.PublicBaseUrl}/api/meetings/{m.Id}/minutes.html");
                var item = new SyndicationItem(
                    $"Minnesanteckningar {m.Date:yyyy-MM-dd} – {Labels.Of(m.Body)}",
                    $"{Labels.Of(m.Kind)} i {m.Place}. {Labels.Count(m.Agenda.Count, "ärende", "ärenden")}. "
                        + $"Justerade {m.Approval.ApprovedAt:yyyy-MM-dd} av {m.Approval.ApprovedBy}."
                        + (
                            m.Corrections.Count > 0
                                ? $" Rättade {Labels.Count(m.Corrections.Count, "gång", "gånger")}."
                                : ""
                        ),
                    link,
                    $"urn:uuid:{m.Id}",
                    updated
                );
                item.Authors.Add(new SyndicationPerson { Name = "Södertörns samarbetskommitté" });
                return item;
            })
            .ToList();
        var feed = new SyndicationFeed(
            "Minnesanteckningar – Södertörns samarbetskommitté",
            "Justerade minnesanteckningar från samarbetskommitténs och ledningsgruppens sammanträden.",
            new Uri($"{options.PublicBaseUrl}/minutes.atom"),
            "urn:governance:minutes",
            items.Count > 0 ? items.Max(i => i.LastUpdatedTime) : clock.GetUtcNow(),
            items
        )
        {
            Language = "sv",
        };
        var xml = new StringBuilder();
        using (var writer = XmlWriter.Create(xml, new XmlWriterSettings { Encoding = Encoding.UTF8, Indent = true }))
            new Atom10FeedFormatter(feed).WriteTo(writer);
        return xml.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}
