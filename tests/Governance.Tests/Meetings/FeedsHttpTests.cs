using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Xml;
using Alba;
using Governance.Tests.Support;
using Ical.Net;

namespace Governance.Tests.Meetings;

public class FeedsHttpTests(AppFixture fixture) : MeetingScenario(fixture)
{
    /// <summary>The meeting moved a week on, to Tyresö: a change every feed subscriber must see.</summary>
    private static readonly object MovedToTyreso = new
    {
        date = "2020-04-30",
        startsAt = "13:00",
        endsAt = "16:00",
        hostMunicipalityCode = "0138",
        place = "Tyresö, kommunhuset",
    };

    [Fact]
    public async Task the_icalendar_feed_parses_with_stable_uids_raised_sequence_and_cancelled_meetings()
    {
        await GivenSodertornWithAllRepresentatives();
        var meeting = await Schedule();
        var before = Ical.Net.Calendar.Load((await Host.Scenario(s => s.Get.Url("/calendar.ics"))).ReadAsText())!;
        Assert.Equal(15, before.Events.Count);
        var original = before.Events.Single(e => e.Uid == $"{meeting}@governance");
        Assert.Equal(0, original.Sequence);
        Assert.Equal(new DateTime(2020, 4, 23, 10, 0, 0, DateTimeKind.Utc), original.DtStart!.AsUtc);
        Assert.Equal($"http://governance.test/sammantraden/{meeting}", original.Url!.ToString());

        await Act(
            meeting,
            "/reschedule",
            MovedToTyreso,
            SecretaryToken
        );
        await Act(meeting, "/cancel", new { reason = "Inga ärenden; nästa möte 4 juni." }, SecretaryToken);
        var ics = (await Host.Scenario(s => s.Get.Url("/calendar.ics"))).ReadAsText();
        var after = Ical.Net.Calendar.Load(ics)!;
        var changed = after.Events.Single(e => e.Uid == $"{meeting}@governance");
        Assert.Equal(2, changed.Sequence);
        Assert.Equal("CANCELLED", changed.Status);
        Assert.Equal("Tyresö, kommunhuset (Tyresö)", changed.Location);
        // the seed's two cancelled meetings, and this one
        Assert.Equal(3, after.Events.Count(e => e.Status == "CANCELLED"));
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75));

        var page = await Host.Scenario(s => s.Get.Url($"/sammantraden/{meeting}"));
        Assert.Contains("Inställt", page.ReadAsText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_atom_feed_of_approved_minutes_parses_and_links_the_public_minutes()
    {
        await GivenSodertornWithAllRepresentatives();
        var meeting = await Schedule();
        await Act(meeting, "/agenda", new { title = "Information", kind = "information" }, ChairToken);
        OnTheMeetingDay();
        await Act(meeting, "/close", new { at = "15:00" }, SecretaryToken);
        Assert.Empty(Load((await Host.Scenario(s => s.Get.Url("/minutes.atom"))).ReadAsText()).Items);

        await Act(meeting, "/minutes/approval", new { }, ChairToken);
        var feed = Load((await Host.Scenario(s => s.Get.Url("/minutes.atom"))).ReadAsText());
        var entry = Assert.Single(feed.Items);
        Assert.Equal($"urn:uuid:{meeting}", entry.Id);
        Assert.Equal("Minnesanteckningar 2020-04-23 – Södertörnskommunernas samarbetskommitté", entry.Title.Text);
        var link = entry.Links.Single().Uri.PathAndQuery;
        var minutes = await Host.Scenario(s => s.Get.Url(link)); // readable without signing in
        Assert.Contains("Justerade", minutes.ReadAsText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_calendar_subscriber_with_the_etag_gets_not_modified_until_a_meeting_it_shows_changes()
    {
        await GivenSodertornWithAllRepresentatives();
        var meeting = await Schedule();
        var etag = await PolledUnchanged("/calendar.ics");

        await Act(
            meeting,
            "/reschedule",
            MovedToTyreso,
            SecretaryToken
        );
        var changed = await Poll("/calendar.ics", etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag!.Tag);
        var moved = Ical.Net.Calendar.Load(await changed.Content.ReadAsStringAsync())!;
        var shown = moved.Events.Single(e => e.Uid == $"{meeting}@governance");
        Assert.Equal("Tyresö, kommunhuset (Tyresö)", shown.Location);
    }

    [Fact]
    public async Task a_feed_reader_with_the_etag_gets_not_modified_until_minutes_it_shows_are_corrected()
    {
        await GivenSodertornWithAllRepresentatives();
        var meeting = await Schedule();
        await Act(meeting, "/agenda", new { title = "Information", kind = "information" }, ChairToken);
        OnTheMeetingDay();
        await Act(meeting, "/close", new { at = "15:00" }, SecretaryToken);
        await Act(meeting, "/minutes/approval", new { }, ChairToken);
        var etag = await PolledUnchanged("/minutes.atom");

        var correction = new
        {
            target = "text",
            newText = "Mötet avslutades 15.10.",
            what = "Sluttiden",
            why = "Fel tid i utkastet.",
        };
        await Act(meeting, "/minutes/corrections", correction, SecretaryToken);
        var changed = await Poll("/minutes.atom", etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag!.Tag);
        var entry = Assert.Single(Load(await changed.Content.ReadAsStringAsync()).Items);
        Assert.Contains("Rättade 1 gång.", ((TextSyndicationContent)entry.Content).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_feed_asked_with_head_answers_the_headers_of_its_get_without_the_body()
    {
        await GivenSodertornWithAllRepresentatives();
        var meeting = await Schedule();
        var feeds = new[] { ("/calendar.ics", "text/calendar"), ("/minutes.atom", "application/atom+xml") };
        foreach (var (feed, type) in feeds)
        {
            var get = await Poll(feed, etag: null);
            var head = await Poll(feed, etag: null, HttpMethod.Head);
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(type, head.Content.Headers.ContentType?.MediaType);
            Assert.Equal(get.Headers.ETag!.Tag, head.Headers.ETag!.Tag);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
            var unchanged = await Poll(feed, get.Headers.ETag.Tag, HttpMethod.Head);
            Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        }

        // Every read answers HEAD, the API's JSON and the pages too; a command is still a POST only.
        var client = Host.Server.CreateClient();
        foreach (var read in new[] { "/api/meetings?year=2020", $"/api/meetings/{meeting}", "/kalender?ar=2020" })
        {
            var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, read));
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
        var command = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/meetings/{meeting}/close"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, command.StatusCode);
    }

    /// <summary>Polls twice, the second time with the first answer's ETag, which must be answered 304.</summary>
    private async Task<string> PolledUnchanged(string feed)
    {
        var first = await Poll(feed, etag: null);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("no-cache", first.Headers.CacheControl?.ToString());
        Assert.True(first.Headers.ETag!.IsWeak, "Copies rendered at other moments differ in their stamp only.");
        var etag = first.Headers.ETag.Tag;
        var unchanged = await Poll(feed, etag);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, unchanged.Headers.ETag!.Tag);
        return etag;
    }

    private async Task<HttpResponseMessage> Poll(string feed, string? etag, HttpMethod? method = null)
    {
        var client = Host.Server.CreateClient();
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, feed);
        if (etag is not null)
            request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag));
        return await client.SendAsync(request);
    }

    private static SyndicationFeed Load(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml));
        return SyndicationFeed.Load(reader);
    }
}
