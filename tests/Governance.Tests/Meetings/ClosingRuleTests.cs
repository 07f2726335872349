using Governance.Meetings;
using Governance.Offices;

namespace Governance.Tests.Meetings;

/// <summary>A meeting closes after everything recorded at it.</summary>
public class ClosingRuleTests
{
    private static readonly DateOnly Day = new(2020, 10, 8);

    private static Meeting Held(TimeOnly? arrival = null, TimeOnly? departure = null, TimeOnly? decisionAt = null)
    {
        var meeting = new Meeting
        {
            Body = Body.Committee,
            Date = Day,
            EndDate = Day,
            StartsAt = new(12, 0),
            EndsAt = new(15, 30),
        };
        if (arrival is { } a)
            meeting.Attendance.Add(
                new(
                    Guid.NewGuid(),
                    "Ledamot Botkyrka",
                    AttendanceRole.Member,
                    "0127",
                    PresenceMode.InPerson,
                    a,
                    departure
                )
            );
        if (decisionAt is { } at)
        {
            var quorum = new QuorumSnapshot(at, 8, 4, 4, true, []);
            meeting.Agenda.Add(
                new(
                    Guid.NewGuid(),
                    1,
                    "Verksamhetsplan",
                    "verksamhetsplan",
                    null,
                    null,
                    [],
                    new Outcome(OutcomeKind.Decided, "Fastställd.", null, [], null, quorum, DateTimeOffset.UnixEpoch),
                    null
                )
            );
        }
        return meeting;
    }

    [Fact]
    public void closing_after_the_last_recorded_moment_is_allowed() =>
        Assert.Null(MeetingRules.CanClose(Held(new(12, 5), new(14, 0), new(13, 10)), new(14, 0)));

    [Theory]
    [InlineData(11, 0)] // before the start
    [InlineData(0, 0)] // a time left out
    [InlineData(13, 9)] // before the decision at 13.10
    public void closing_before_something_recorded_is_refused(int hour, int minute)
    {
        var refusal = MeetingRules.CanClose(Held(new(12, 5), null, new(13, 10)), new(hour, minute));
        Assert.NotNull(refusal);
        Assert.Equal(MeetingRules.Closed, refusal.Rule);
    }

    [Fact]
    public void a_departure_is_part_of_the_record() =>
        Assert.NotNull(MeetingRules.CanClose(Held(new(12, 5), new(15, 0)), new(14, 30)));

    [Fact]
    public void over_several_days_only_the_state_is_checked()
    {
        var conference = Held(new(12, 5));
        conference.EndDate = Day.AddDays(1);
        Assert.Null(MeetingRules.CanClose(conference, new(9, 0)));
        conference.Status = MeetingStatus.Closed;
        Assert.NotNull(MeetingRules.CanClose(conference, new(9, 0)));
    }
}
