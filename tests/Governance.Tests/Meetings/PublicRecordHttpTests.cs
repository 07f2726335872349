using System.ServiceModel.Syndication;
using System.Xml;
using Alba;
using Governance.Decisions;
using Governance.Tests.Support;

namespace Governance.Tests.Meetings;

/// <summary>The meeting's record on the public surfaces at each stage: minutes, search, feeds, overview.</summary>
public class PublicRecordHttpTests(AppFixture fixture) : PublicStageScenario(fixture)
{
    [Theory]
    [MemberData(nameof(Stages))]
    public async Task the_minutes_are_public_once_approved(Stage stage)
    {
        var meeting = await MeetingAt(stage);
        var approved = stage == Stage.Approved;
        var json = await Anonymous($"/api/meetings/{meeting}/minutes", approved ? 200 : 401);
        var html = await Anonymous($"/api/meetings/{meeting}/minutes.html", approved ? 200 : 401);
        var page = await Anonymous($"/sammantraden/{meeting}/minnesanteckningar", approved ? 200 : 302, "text/html");
        if (!approved)
        {
            Assert.Contains("/logga-in", page.Context.Response.Headers.Location.ToString(), StringComparison.Ordinal);
            return;
        }
        foreach (var seen in new[] { json.ReadAsText(), html.ReadAsText(), page.ReadAsText() })
        {
            ShowsTheRecordOnlyOnceApproved(stage, seen);
            Assert.Contains(Guest, seen, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task the_decision_search_finds_the_decision_once_the_minutes_are_approved(Stage stage)
    {
        var meeting = await MeetingAt(stage);
        var found = (await Anonymous("/api/decisions?q=kollektivtrafik")).ReadAsJson<DecisionPage>()!;
        Assert.Equal(stage == Stage.Approved ? 1 : 0, found.Total);
        if (stage == Stage.Approved)
            Assert.Equal(CorrectedWording, Assert.Single(found.Hits).Text);
        var ofTheMeeting = (await Anonymous($"/api/decisions?meetingId={meeting}")).ReadAsJson<DecisionPage>()!;
        Assert.Equal(stage == Stage.Approved ? 1 : 0, ofTheMeeting.Total);

        var page = (await Anonymous("/beslut?ar=2020", accept: "text/html")).ReadAsText(); // no words: nothing marked
        Assert.Contains($"{(stage == Stage.Approved ? 1 : 0)} beslut hittades", page, StringComparison.Ordinal);
        ShowsTheRecordOnlyOnceApproved(stage, page);
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task the_feeds_give_time_and_place_always_and_minutes_once_approved(Stage stage)
    {
        var meeting = await MeetingAt(stage);
        var folded = (await Anonymous("/calendar.ics")).ReadAsText();
        var calendar = Ical.Net.Calendar.Load(folded)!;
        var ics = folded.Replace("\r\n ", "", StringComparison.Ordinal);
        var ofTheMeeting = calendar.Events.Single(e => e.Uid == $"{meeting}@governance");
        Assert.Equal("Salems kommunhus (Salem)", ofTheMeeting.Location);
        Assert.DoesNotContain(ItemTitle, ics, StringComparison.Ordinal);
        ShowsTheRecordOnlyOnceApproved(Stage.Scheduled, ics);

        var atom = (await Anonymous("/minutes.atom")).ReadAsText();
        using var reader = XmlReader.Create(new StringReader(atom));
        var entries = SyndicationFeed.Load(reader).Items.Where(i => i.Id == $"urn:uuid:{meeting}");
        Assert.Equal(stage == Stage.Approved ? 1 : 0, entries.Count());
        ShowsTheRecordOnlyOnceApproved(Stage.Scheduled, atom);
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task the_overview_lists_the_meeting_and_links_its_minutes_once_approved(Stage stage)
    {
        var meeting = await MeetingAt(stage);
        var page = (await Anonymous("/", accept: "text/html")).ReadAsText();
        Assert.Contains($"<a href=\"/sammantraden/{meeting}\">", page, StringComparison.Ordinal);
        var minutes = $"/sammantraden/{meeting}/minnesanteckningar";
        Assert.Equal(stage == Stage.Approved, page.Contains(minutes, StringComparison.Ordinal));
        Assert.DoesNotContain(ItemTitle, page, StringComparison.Ordinal);
        ShowsTheRecordOnlyOnceApproved(Stage.Scheduled, page);
    }
}
