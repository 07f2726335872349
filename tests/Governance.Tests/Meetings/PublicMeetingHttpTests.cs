using System.Text.Json;
using Alba;
using Governance.Meetings;
using Governance.Tests.Support;

namespace Governance.Tests.Meetings;

/// <summary>A meeting as the public sees it, at each stage: its page, the meetings API, quorum and documents.</summary>
public class PublicMeetingHttpTests(AppFixture fixture) : PublicStageScenario(fixture)
{
    [Theory]
    [MemberData(nameof(Stages))]
    public async Task the_meeting_page_shows_the_agenda_after_the_notice_and_decisions_after_approval(Stage stage)
    {
        var meeting = await MeetingAt(stage);
        var page = (await Anonymous($"/sammantraden/{meeting}", accept: "text/html")).ReadAsText();

        Assert.Contains("Salems kommunhus", page, StringComparison.Ordinal);
        Assert.Equal(stage != Stage.Scheduled, page.Contains(ItemTitle, StringComparison.Ordinal));
        var link = $"<a href=\"/api/documents/{Sha256}\">{DocumentTitle}</a>";
        Assert.Equal(stage != Stage.Scheduled, page.Contains(link, StringComparison.Ordinal));
        Assert.Equal(stage == Stage.Approved, page.Contains("class=\"outcome\"", StringComparison.Ordinal));
        ShowsTheRecordOnlyOnceApproved(stage, page);
        if (stage == Stage.Scheduled)
            Assert.Contains("Dagordningen publiceras när kallelsen har skickats.", page, StringComparison.Ordinal);
        if (stage == Stage.HeldUnapproved)
            Assert.Contains("publiceras när minnesanteckningarna har justerats", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_signed_in_still_see_the_whole_meeting_before_approval()
    {
        var meeting = await MeetingAt(Stage.HeldUnapproved);
        var page = await Host.Scenario(s =>
        {
            s.Get.Url($"/sammantraden/{meeting}");
            s.WithBearerToken(MemberToken);
        });
        Assert.Contains(Wording, page.ReadAsText(), StringComparison.Ordinal);
        Assert.Contains(PendingMatter, page.ReadAsText(), StringComparison.Ordinal);

        var full = await Get<Meeting>($"/api/meetings/{meeting}", MemberToken);
        Assert.Equal((Wording, 5, 3), (full.Agenda[0].Outcome!.Text, full.Attendance.Count, full.Matters.Count));
        Assert.True(full.Version > 0);
        await Host.Scenario(s =>
        {
            s.Get.Url($"/api/meetings/{meeting}/quorum?at=13:00");
            s.WithBearerToken(MemberToken);
        });
        await Host.Scenario(s =>
        {
            s.Get.Url($"/api/documents/{Sha256}");
            s.WithBearerToken(MemberToken);
        });
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task the_meeting_api_answers_the_public_with_the_public_part(Stage stage)
    {
        var meeting = await MeetingAt(stage);
        var json = (await Anonymous($"/api/meetings/{meeting}")).ReadAsText();
        var seen = JsonSerializer.Deserialize<JsonElement>(json);

        Assert.Equal("Salems kommunhus", seen.GetProperty("place").GetString());
        Assert.Equal(0, seen.GetProperty("version").GetInt32());
        Assert.Equal(stage == Stage.Scheduled ? 0 : 1, seen.GetProperty("agenda").GetArrayLength());
        Assert.Equal(stage == Stage.Scheduled ? 0 : 1, seen.GetProperty("matters").GetArrayLength());
        Assert.Equal(stage == Stage.Approved ? 5 : 0, seen.GetProperty("attendance").GetArrayLength());
        Assert.Equal(stage == Stage.Approved, seen.GetProperty("approval").ValueKind == JsonValueKind.Object);
        ShowsTheRecordOnlyOnceApproved(stage, json);

        var list = (await Anonymous("/api/meetings?year=2020")).ReadAsText();
        var summary = JsonSerializer
            .Deserialize<JsonElement>(list)
            .GetProperty("meetings")
            .EnumerateArray()
            .Single(m => m.GetProperty("id").GetGuid() == meeting);
        // The version counts every event, those recorded at the meeting too: not the public's to see.
        Assert.Equal(0, summary.GetProperty("version").GetInt32());
        Assert.Equal(stage != Stage.Scheduled, summary.GetProperty("noticeIssued").GetBoolean());
        Assert.Equal(stage == Stage.Approved, summary.GetProperty("minutesApproved").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task the_quorum_is_public_once_the_minutes_are_approved(Stage stage)
    {
        var meeting = await MeetingAt(stage);
        var answer = await Anonymous($"/api/meetings/{meeting}/quorum?at=13:00", stage == Stage.Approved ? 200 : 401);
        if (stage != Stage.Approved)
            return;
        var quorum = answer.ReadAsJson<QuorumStatus>()!;
        Assert.Equal((4, true), (quorum.Present, quorum.Met));
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task an_agenda_document_is_public_once_the_notice_is_issued(Stage stage)
    {
        await MeetingAt(stage);
        var answer = await Anonymous($"/api/documents/{Sha256}", stage == Stage.Scheduled ? 404 : 200);
        if (stage != Stage.Scheduled)
            Assert.Equal(Pdf, answer.ReadAsText().Select(c => (byte)c).ToArray());
        await Anonymous($"/api/documents/{new string('0', 64)}", 404);
    }
}
