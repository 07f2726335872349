using System.Security.Cryptography;
using System.Text.Json;
using Alba;
using Governance.Meetings;
using Governance.Minutes;
using Governance.Tests.Support;

namespace Governance.Tests.Meetings;

public class MeetingLifeHttpTests(AppFixture fixture) : MeetingScenario(fixture)
{
    [Fact]
    public async Task a_meeting_from_notice_to_approved_and_corrected_minutes()
    {
        await GivenSodertornWithAllRepresentatives();
        var meeting = await Schedule();

        // §4: a member raises a matter; the chair puts it on the agenda, adds one of its own and declines another.
        await Act(
            meeting,
            "/matters",
            new
            {
                title = "Remissvar om regional kollektivtrafikplan",
                kind = "remissvar",
                municipalityCode = "0127",
            },
            MemberOf("0136"),
            403
        );
        var raised = await Act(
            meeting,
            "/matters",
            new
            {
                title = "Remissvar om regional kollektivtrafikplan",
                kind = "remissvar",
                municipalityCode = "0127",
            },
            MemberOf("0127")
        );
        var matterId = raised.GetProperty("matters")[0].GetProperty("matterId").GetGuid();
        await Act(meeting, "/agenda", new { matterId }, SecretaryToken, 403);
        await Act(meeting, "/agenda", new { matterId }, ChairToken);
        await Act(meeting, "/agenda", new { title = "Verksamhetsplan 2021", kind = "verksamhetsplan" }, ChairToken);
        var other = await Act(
            meeting,
            "/matters",
            new
            {
                title = "Gemensam logotyp",
                kind = "övrigt",
                municipalityCode = "0136",
            },
            MemberOf("0136")
        );
        var otherId = other.GetProperty("matters")[1].GetProperty("matterId").GetGuid();
        var declined = await Act(
            meeting,
            $"/matters/{otherId}/decline",
            new { reason = "Tas upp i ledningsgruppen först." },
            ChairToken
        );
        Assert.Equal("declined", declined.GetProperty("matters")[1].GetProperty("status").GetString());
        var items = declined
            .GetProperty("agenda")
            .EnumerateArray()
            .Select(i => i.GetProperty("itemId").GetGuid())
            .ToArray();

        // Documents are stored with their checksum.
        var pdf = "%PDF-1.4 remissunderlag"u8.ToArray();
        var upload = await Upload(meeting, items[0], "Remissunderlag", pdf, "underlag.pdf");
        Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());
        Version++;
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var stored = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/documents/{sha}");
            s.WithBearerToken(MemberToken);
        });
        Assert.Equal(pdf, stored.ReadAsText().Select(c => (byte)c).ToArray());

        // §4: the notice, in time (the test clock stands at 2020-03-02; the deadline is 2020-04-16).
        var noticed = await Act(meeting, "/notice", new { }, ChairToken);
        Assert.False(noticed.GetProperty("notice").GetProperty("late").GetBoolean());
        Assert.Equal("2020-04-16", noticed.GetProperty("notice").GetProperty("deadline").GetString());

        // §3: three members at noon, a fourth by phone at 12.40; a director and a guest.
        OnTheMeetingDay();
        foreach (var code in new[] { "0127", "0126", "0181" })
            await Attend(meeting, code);
        var quorumBefore = await Get<QuorumStatus>($"/api/meetings/{meeting}/quorum?at=12:30", MemberToken);
        Assert.Equal(
            (8, 3, 4, false),
            (quorumBefore.Members, quorumBefore.Present, quorumBefore.Required, quorumBefore.Met)
        );
        var refused = await Act(
            meeting,
            $"/agenda/{items[0]}/decision",
            new { wording = "Kommittén antar remissvaret.", at = "12:30" },
            SecretaryToken,
            409
        );
        Assert.Equal(MeetingRules.Quorum, refused.GetProperty("rule").GetString());

        await Attend(meeting, "0140", mode: "phone", arrived: "12:40", departed: "14:00");
        // Held: no longer cancelled or moved.
        Assert.Equal(
            MeetingRules.Held,
            (await Act(meeting, "/cancel", new { reason = "För sent" }, SecretaryToken, 409))
                .GetProperty("rule")
                .GetString()
        );
        await Act(
            meeting,
            "/attendance",
            new
            {
                personName = "Rickard Sundbom",
                role = "director",
                municipalityCode = "0181",
                mode = "inPerson",
                arrivedAt = "12:00",
            },
            SecretaryToken
        );
        await Act(
            meeting,
            "/attendance",
            new
            {
                personName = "Anna Trafikutredare",
                role = "guest",
                mode = "video",
                arrivedAt = "12:45",
                departedAt = "13:15",
            },
            SecretaryToken
        );
        var quorumAfter = await Get<QuorumStatus>($"/api/meetings/{meeting}/quorum?at=13:00", MemberToken);
        Assert.Equal((4, true), (quorumAfter.Present, quorumAfter.Met));

        // §3: an objection from someone not present is refused; one from a member present stops the decision.
        var absent = await Act(
            meeting,
            $"/agenda/{items[0]}/decision",
            new
            {
                wording = "Kommittén antar remissvaret.",
                at = "13:00",
                objectors = new[] { "0192" },
            },
            SecretaryToken,
            409
        );
        Assert.Equal(MeetingRules.Consensus, absent.GetProperty("rule").GetString());
        await Act(
            meeting,
            $"/agenda/{items[0]}/decision",
            new
            {
                wording = "Kommittén antar remissvaret om remissen.",
                at = "13:00",
                objectors = new[] { "0181" },
            },
            SecretaryToken
        );
        await Act(
            meeting,
            $"/agenda/{items[1]}/decision",
            new { wording = "Kommittén fastställer verksamhetsplanen för 2021.", at = "13:10" },
            SecretaryToken
        );
        await Act(
            meeting,
            $"/agenda/{items[1]}/decision",
            new { wording = "Igen.", at = "13:11" },
            SecretaryToken,
            409
        );

        // Closing; after that no outcome can be recorded.
        await Act(
            meeting,
            "/minutes/text",
            new { itemId = items[1], text = "Strategen föredrog förslaget." },
            SecretaryToken
        );
        await Act(meeting, "/close", new { at = "15:20" }, SecretaryToken);
        var closed = await Act(
            meeting,
            "/attendance",
            new
            {
                personName = "Sen Gäst",
                role = "guest",
                mode = "inPerson",
                arrivedAt = "15:25",
            },
            SecretaryToken,
            409
        );
        Assert.Equal(MeetingRules.Closed, closed.GetProperty("rule").GetString());

        // Drafts are for signed-in users only; the chair approves; then only corrections change the minutes.
        await Host.Scenario(s =>
        {
            s.Get.Url($"/api/meetings/{meeting}/minutes");
            s.StatusCodeShouldBe(401);
        });
        await Act(meeting, "/minutes/approval", new { }, MemberToken, 403);
        await Act(meeting, "/minutes/approval", new { }, ChairToken);
        var afterApproval = await Act(
            meeting,
            "/minutes/text",
            new { itemId = items[1], text = "Ändrad i efterhand." },
            SecretaryToken,
            409
        );
        Assert.Equal(MeetingRules.Minutes, afterApproval.GetProperty("rule").GetString());
        await Act(
            meeting,
            "/minutes/corrections",
            new
            {
                itemId = items[1],
                target = "decisionWording",
                newText = "Kommittén fastställer verksamhetsplanen för år 2021.",
                what = "Årtalet",
                why = "Skrivfel i beslutet.",
            },
            SecretaryToken
        );

        // The current minutes are public once approved, with the quorum at each outcome and who objected.
        var minutes = await Get<MinutesDocument>($"/api/meetings/{meeting}/minutes");
        Assert.Equal(MinutesStatus.Approved, minutes.Status);
        Assert.Equal(Version, minutes.Version);
        Assert.Equal(4, minutes.Members.Count);
        Assert.Single(minutes.Directors);
        Assert.Single(minutes.Guests);
        var first = minutes.Items[0];
        Assert.Equal(
            (OutcomeKind.NotDecided, "Södertälje"),
            (first.Outcome, first.Objectors.Single().MunicipalityName)
        );
        Assert.Equal("Botkyrka", first.RaisedBy);
        Assert.Equal(4, first.Quorum!.Present);
        Assert.Single(first.Documents);
        Assert.Equal(sha, first.Documents[0].Sha256);
        Assert.Equal("Kommittén fastställer verksamhetsplanen för år 2021.", minutes.Items[1].OutcomeText);
        Assert.Equal("Skrivfel i beslutet.", Assert.Single(minutes.Corrections).Why);
        Assert.Equal("Daniel Dronjak", minutes.Approval!.ApprovedBy);

        var html = await Host.Scenario(s => s.Get.Url($"/api/meetings/{meeting}/minutes.html"));
        var page = html.ReadAsText();
        Assert.Contains("<html lang=\"sv\"", page, StringComparison.Ordinal);
        Assert.Contains("Justerade", page, StringComparison.Ordinal);
        Assert.Contains("Rättelser", page, StringComparison.Ordinal);
        Assert.Contains("Invändning från Södertälje", page, StringComparison.Ordinal);
        Assert.Contains("@media print", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_notice_after_the_notice_time_is_recorded_with_a_warning()
    {
        await GivenSodertornWithAllRepresentatives();
        var meeting = await Schedule(date: "2020-03-05");
        await Act(meeting, "/notice", new { }, ChairToken, 409); // no agenda yet
        await Act(meeting, "/agenda", new { title = "Information", kind = "information" }, ChairToken);
        var noticed = await Act(meeting, "/notice", new { }, ChairToken);
        Assert.True(noticed.GetProperty("notice").GetProperty("late").GetBoolean());
    }

    [Fact]
    public async Task a_cancelled_meeting_stays_in_the_record_and_takes_nothing_more()
    {
        await GivenSodertornWithAllRepresentatives();
        var meeting = await Schedule();
        var moved = await Act(
            meeting,
            "/reschedule",
            new
            {
                date = "2020-04-30",
                startsAt = "13:00",
                endsAt = "16:00",
                hostMunicipalityCode = "0138",
                place = "Tyresö kommunhus",
            },
            SecretaryToken
        );
        Assert.Equal("2020-04-30", moved.GetProperty("date").GetString());
        await Act(
            meeting,
            "/reschedule",
            new
            {
                date = "2020-04-30",
                startsAt = "13:00",
                endsAt = "16:00",
                hostMunicipalityCode = "0180",
                place = "Stockholm",
            },
            SecretaryToken,
            409
        );
        await Act(meeting, "/cancel", new { reason = "För få ärenden." }, SecretaryToken);
        var refused = await Act(meeting, "/agenda", new { title = "Något", kind = "övrigt" }, ChairToken, 409);
        Assert.Equal(MeetingRules.Cancelled, refused.GetProperty("rule").GetString());

        var calendar = (await Get<MeetingCalendarPage>("/api/meetings?year=2020&body=committee")).Meetings;
        var cancelled = calendar.Single(m => m.Id == meeting);
        Assert.Equal(
            (MeetingStatus.Cancelled, "För få ärenden.", "Tyresö"),
            (cancelled.Status, cancelled.CancellationReason, cancelled.HostMunicipalityName)
        );
    }

    [Fact]
    public async Task only_the_representative_of_a_member_counts_as_a_member_present()
    {
        await GivenSodertornWithAllRepresentatives();
        var meeting = await Schedule();
        OnTheMeetingDay();
        var refused = await Act(
            meeting,
            "/attendance",
            new
            {
                personName = "Någon Annan",
                role = "member",
                municipalityCode = "0127",
                mode = "inPerson",
                arrivedAt = "12:00",
            },
            SecretaryToken,
            409
        );
        Assert.Equal(MeetingRules.Composition, refused.GetProperty("rule").GetString());
        await Act(
            meeting,
            "/attendance",
            new
            {
                personName = "Stockholmare",
                role = "member",
                municipalityCode = "0180",
                mode = "inPerson",
                arrivedAt = "12:00",
            },
            SecretaryToken,
            409
        );
    }

    [Fact]
    public async Task the_2020_calendar_of_the_seed_is_reference_data()
    {
        await GivenReferenceData();
        var meetings = (await Get<MeetingCalendarPage>("/api/meetings?year=2020")).Meetings;
        Assert.Equal(14, meetings.Count);
        Assert.Equal(7, meetings.Count(m => m.Body == Governance.Offices.Body.Committee));
        Assert.Equal(
            [new DateOnly(2020, 1, 24), new DateOnly(2020, 2, 6)],
            meetings.Where(m => m.Status == MeetingStatus.Cancelled).Select(m => m.Date)
        );
        var salem = meetings.Single(m => m.Date == new DateOnly(2020, 4, 2));
        Assert.Equal(
            ("Salem", new TimeOnly(12, 0), new TimeOnly(15, 30)),
            (salem.HostMunicipalityName, salem.StartsAt, salem.EndsAt)
        );
        var conference = meetings.Single(m =>
            m.Kind == MeetingKind.PlanningConference && m.Body == Governance.Offices.Body.ManagementGroup
        );
        Assert.Equal((new DateOnly(2020, 9, 10), new DateOnly(2020, 9, 11)), (conference.Date, conference.EndDate));
        Assert.Equal(MeetingKind.PlanningConference, meetings.Single(m => m.Date == new DateOnly(2020, 1, 16)).Kind);
        var ofOneBody = (await Get<MeetingCalendarPage>("/api/meetings?year=2020&body=managementGroup")).Meetings;
        Assert.Equal(
            meetings.Where(m => m.Body == Governance.Offices.Body.ManagementGroup).Select(m => m.Id),
            ofOneBody.Select(m => m.Id)
        );
    }
}
