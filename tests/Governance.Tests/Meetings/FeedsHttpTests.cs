using System.ServiceModel.Syndication;
using System.Xml;
using Alba;
using Governance.Tests.Support;
using Ical.Net;

namespace Governance.Tests.Meetings;

public class FeedsHttpTests(AppFixture fixture) : MeetingScenario(fixture)
{
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
            new
            {
                date = "2020-04-30",
                startsAt = "13:00",
                endsAt = "16:00",
                hostMunicipalityCode = "0138",
                place = "Tyresö, kommunhuset",
            },
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

    private static SyndicationFeed Load(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml));
        return SyndicationFeed.Load(reader);
    }
}
