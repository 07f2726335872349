using System.Security.Claims;
using Governance.Agreement;
using Governance.Meetings;
using Governance.Minutes;
using Governance.Offices;

namespace Governance.Tests.Meetings;

/// <summary>The public rule as a pure function of the meeting: what anyone not signed in sees at each stage.</summary>
public class PublicViewTests
{
    private static readonly DateTimeOffset At = new(2020, 4, 23, 13, 0, 0, TimeSpan.FromHours(2));
    private static readonly QuorumSnapshot Quorate = new(
        new TimeOnly(13, 0),
        8,
        4,
        4,
        true,
        ["0126", "0127", "0140", "0181"]
    );

    private static Meeting Scheduled()
    {
        var day = new DateOnly(2020, 4, 23);
        var meeting = Meeting.Create(
            new MeetingScheduled(
                Guid.NewGuid(),
                Body.Committee,
                MeetingKind.Ordinary,
                day,
                new TimeOnly(12, 0),
                day,
                new TimeOnly(15, 30),
                "0128",
                "Salems kommunhus",
                "sekreterare",
                At
            )
        );
        var id = meeting.Id;
        var (onAgenda, pending, declined, item) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        meeting.Apply(new MatterRaised(id, onAgenda, "Kollektivtrafikplan", null, "remissvar", "0127", "E Östlin", At));
        meeting.Apply(new MatterRaised(id, pending, "Väckt, inte uppsatt", null, "övrigt", "0136", "M Mossberg", At));
        meeting.Apply(new MatterRaised(id, declined, "Avböjd fråga", null, "övrigt", "0138", "F Saweståhl", At));
        meeting.Apply(new MatterDeclined(id, declined, "Hör till ledningsgruppen.", "ordförande", At));
        meeting.Apply(new AgendaItemAdded(id, item, 1, "Kollektivtrafikplan", "remissvar", onAgenda, "0127", "o", At));
        meeting.Apply(
            new DocumentAttached(
                id,
                item,
                Guid.NewGuid(),
                "Remissunderlag",
                "underlag.pdf",
                "application/pdf",
                10,
                "abc123",
                "sekreterare",
                At
            )
        );
        meeting.Version = 6;
        return meeting;
    }

    private static Meeting Noticed()
    {
        var meeting = Scheduled();
        meeting.Apply(
            new MeetingNoticeIssued(
                meeting.Id,
                At,
                new DateOnly(2020, 4, 16),
                false,
                [meeting.Agenda[0].ItemId],
                [],
                "ordförande"
            )
        );
        return meeting;
    }

    private static Meeting Held()
    {
        var meeting = Noticed();
        var item = meeting.Agenda[0];
        meeting.Apply(
            new AttendanceRecorded(
                meeting.Id,
                Guid.NewGuid(),
                "Ebba Östlin",
                AttendanceRole.Member,
                "0127",
                PresenceMode.InPerson,
                new TimeOnly(12, 0),
                null,
                "sekreterare",
                At
            )
        );
        meeting.Apply(
            new DecisionRecorded(
                meeting.Id,
                item.ItemId,
                "Kommittén lämnar remissvaret.",
                DecisionRule.Consensus,
                null,
                Quorate,
                meeting.ContextOf(item),
                "sekreterare",
                At
            )
        );
        meeting.Apply(new MinutesTextWritten(meeting.Id, item.ItemId, "Strategen föredrog.", "sekreterare", At));
        meeting.Apply(new MinutesTextWritten(meeting.Id, null, "Ordföranden öppnade mötet.", "sekreterare", At));
        meeting.Apply(new MeetingClosed(meeting.Id, new TimeOnly(15, 0), "sekreterare", At));
        return meeting;
    }

    private static Meeting Approved()
    {
        var meeting = Held();
        meeting.Apply(new MinutesApproved(meeting.Id, 11, "ordförande", At));
        meeting.Apply(
            new MinutesCorrected(
                meeting.Id,
                meeting.Agenda[0].ItemId,
                CorrectionTarget.DecisionWording,
                "Kommittén lämnar remissvaret (rättat).",
                "Lydelsen",
                "Skrivfel",
                "ordförande",
                At
            )
        );
        return meeting;
    }

    [Fact]
    public void a_scheduled_meeting_shows_time_and_place_and_nothing_of_its_agenda_or_matters()
    {
        var meeting = Scheduled();
        var seen = PublicView.PublicPartOf(meeting);

        Assert.Equal(new PublicView(Agenda: false, Record: false), PublicView.Of(meeting));
        Assert.Equal(
            (meeting.Id, meeting.Date, meeting.StartsAt, meeting.EndsAt, "Salems kommunhus", "0128"),
            (seen.Id, seen.Date, seen.StartsAt, seen.EndsAt, seen.Place, seen.HostMunicipalityCode)
        );
        Assert.Empty(seen.Agenda);
        Assert.Empty(seen.Matters);
        Assert.Null(seen.Notice);
        Assert.Equal(0, seen.Version);
        Assert.False(PublicView.IsPublicDocument([meeting]));
    }

    [Fact]
    public void a_cancelled_meeting_shows_that_it_is_cancelled_and_why()
    {
        var meeting = Scheduled();
        meeting.Apply(new MeetingCancelled(meeting.Id, "Inga ärenden.", "sekreterare", At));
        var seen = PublicView.PublicPartOf(meeting);
        Assert.Equal(
            (MeetingStatus.Cancelled, "Inga ärenden.", 1),
            (seen.Status, seen.CancellationReason, seen.CalendarSequence)
        );
    }

    [Fact]
    public void once_the_notice_is_issued_the_agenda_and_its_documents_are_public_but_not_matters_left_off_it()
    {
        var meeting = Noticed();
        var seen = PublicView.PublicPartOf(meeting);

        Assert.Equal(new PublicView(Agenda: true, Record: false), PublicView.Of(meeting));
        Assert.NotNull(seen.Notice);
        var item = Assert.Single(seen.Agenda);
        Assert.Equal(("Kollektivtrafikplan", "0127"), (item.Title, item.RaisedByMunicipalityCode));
        Assert.Equal("Remissunderlag", Assert.Single(item.Documents).Title);
        // The raised matter that reached the agenda, not the one pending nor the one declined.
        Assert.Equal("Kollektivtrafikplan", Assert.Single(seen.Matters).Title);
        Assert.True(PublicView.IsPublicDocument([Scheduled(), meeting]));
        Assert.False(PublicView.IsPublicDocument([]));
    }

    [Fact]
    public void a_held_meeting_whose_minutes_are_not_approved_shows_nothing_recorded_at_it()
    {
        var meeting = Held();
        var seen = PublicView.PublicPartOf(meeting);

        Assert.Equal(new PublicView(Agenda: true, Record: false), PublicView.Of(meeting));
        var item = Assert.Single(seen.Agenda);
        Assert.Null(item.Outcome);
        Assert.Null(item.MinutesText);
        Assert.Empty(seen.Attendance);
        Assert.Null(seen.MinutesPreamble);
        Assert.Null(seen.ClosedAt);
        Assert.Null(seen.Approval);
        // The stored meeting itself is untouched.
        Assert.NotNull(meeting.Agenda[0].Outcome);
    }

    [Fact]
    public void once_the_minutes_are_approved_the_whole_record_is_public_with_its_corrections()
    {
        var meeting = Approved();
        var seen = PublicView.PublicPartOf(meeting);

        Assert.Equal(new PublicView(Agenda: true, Record: true), PublicView.Of(meeting));
        Assert.Equal("Kommittén lämnar remissvaret (rättat).", Assert.Single(seen.Agenda).Outcome!.Text);
        Assert.Equal("Strategen föredrog.", seen.Agenda[0].MinutesText);
        Assert.Single(seen.Attendance);
        Assert.Equal(("Ordföranden öppnade mötet.", new TimeOnly(15, 0)), (seen.MinutesPreamble, seen.ClosedAt));
        Assert.NotNull(seen.Approval);
        Assert.Single(seen.Corrections);
        // Raised matters left off the agenda stay out, at every stage.
        Assert.Equal(["Kollektivtrafikplan"], seen.Matters.Select(m => m.Title));
    }

    [Fact]
    public void the_signed_in_see_the_whole_meeting_and_anyone_else_the_public_part()
    {
        var meeting = Held();
        var member = new ClaimsPrincipal(new ClaimsIdentity([new Claim("name", "Mats Ledamot")], "test"));
        Assert.Same(meeting, PublicView.For(member, meeting));
        Assert.Null(PublicView.For(new ClaimsPrincipal(new ClaimsIdentity()), meeting).Agenda[0].Outcome);
    }
}
