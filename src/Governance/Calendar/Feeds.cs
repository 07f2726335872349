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
    /// SQL for the calendar's meetings, in date order: the latest <see cref="MeetingsEachWay"/> before a day and the
    /// next from it (the day twice as parameters), each along the date index.
    /// </summary>
    private static readonly string CalendarMeetings =
        "select id from ("
        + $"(select id, date from {MeetingHeaders.Table} where date < ? "
        + $"order by date desc, id desc limit {MeetingsEachWay}) union all "
        + $"(select id, date from {MeetingHeaders.Table} where date >= ? order by date, id limit {MeetingsEachWay})"
        + ") shown order by date, id";

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
        var fingerprint = await FeedFingerprint.OfAsync(
            session,
            CalendarMeetings,
            [today, today],
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
                var batch = session.CreateBatchQuery();
                var shown = MeetingHeaders.Selected(batch, CalendarMeetings, [today, today]);
                var (agreement, named) = (batch.Agreement(), MunicipalityNames.Load(batch));
                await batch.Execute(ct);
                var dissolution = (await agreement)?.Dissolution;
                var meetings = (await shown).Select(m =>
                    PublicView.PublicPartOf(MeetingsAfterDissolution.AsShown(m, dissolution))
                );
                var names = await named;
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
        var fingerprint = await FeedFingerprint.OfAsync(session, ApprovedMeetings.Latest, [FeedEntries], ct);
        return await feeds.ServeAsync(
            http,
            "minutes",
            fingerprint,
            "application/atom+xml; charset=utf-8",
            async () =>
            {
                var shown = await session.QueryAsync<Meeting>(
                    $"{MeetingHeaders.Selecting("m.data", ApprovedMeetings.Latest)} order by o.n",
                    ct,
                    FeedEntries
                );
                return MinutesFeed(shown, options, clock);
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
