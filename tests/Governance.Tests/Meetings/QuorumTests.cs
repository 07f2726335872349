using Governance.Meetings;
using Governance.Offices;

namespace Governance.Tests.Meetings;

public class QuorumTests
{
    private static readonly string[] Eight = ["0127", "0136", "0126", "0140", "0192", "0128", "0181", "0138"];
    private static readonly TimeOnly Noon = new(12, 0);

    private static Attendance Member(
        string code,
        PresenceMode mode = PresenceMode.InPerson,
        TimeOnly? arrived = null,
        TimeOnly? departed = null
    ) => new(Guid.NewGuid(), $"Ledamot {code}", AttendanceRole.Member, code, mode, arrived ?? Noon, departed);

    [Theory]
    [InlineData(8, 4)]
    [InlineData(7, 4)]
    [InlineData(6, 3)]
    [InlineData(5, 3)]
    [InlineData(1, 1)]
    public void at_least_half_of_the_members_must_be_present(int members, int required) =>
        Assert.Equal(required, Quorum.Required(members));

    [Fact]
    public void four_of_eight_is_quorate_three_is_not()
    {
        var meeting = new Meeting { Body = Body.Committee, Attendance = [.. Eight.Take(3).Select(c => Member(c))] };
        Assert.False(Quorum.At(meeting, Eight, Noon).Met);
        meeting.Attendance.Add(Member(Eight[3]));
        var quorum = Quorum.At(meeting, Eight, Noon);
        Assert.Equal((8, 4, 4, true), (quorum.Members, quorum.Present, quorum.Required, quorum.Met));
    }

    [Fact]
    public void with_seven_members_after_a_withdrawal_four_are_still_needed()
    {
        var seven = Eight.Where(c => c != "0140").ToArray();
        var meeting = new Meeting
        {
            Body = Body.Committee,
            Attendance = [.. seven.Take(3).Select(c => Member(c)), Member("0140")],
        };
        // The withdrawn party's presence does not count.
        var quorum = Quorum.At(meeting, seven, Noon);
        Assert.Equal((7, 3, 4, false), (quorum.Members, quorum.Present, quorum.Required, quorum.Met));
    }

    [Fact]
    public void presence_by_phone_or_video_counts()
    {
        var meeting = new Meeting
        {
            Body = Body.Committee,
            Attendance =
            [
                Member("0127"),
                Member("0136", PresenceMode.Phone),
                Member("0126", PresenceMode.Video),
                Member("0140", PresenceMode.Video),
            ],
        };
        Assert.True(Quorum.At(meeting, Eight, Noon).Met);
    }

    [Fact]
    public void arrivals_and_departures_around_a_decision_decide_who_counts_at_that_moment()
    {
        var meeting = new Meeting
        {
            Body = Body.Committee,
            Attendance =
            [
                Member("0127"),
                Member("0136"),
                Member("0126"),
                Member("0140", arrived: new TimeOnly(13, 0), departed: new TimeOnly(14, 0)),
            ],
        };
        Assert.False(Quorum.At(meeting, Eight, new TimeOnly(12, 59)).Met);
        Assert.True(Quorum.At(meeting, Eight, new TimeOnly(13, 0)).Met); // arrived exactly then: present
        Assert.True(Quorum.At(meeting, Eight, new TimeOnly(13, 59)).Met);
        Assert.False(Quorum.At(meeting, Eight, new TimeOnly(14, 0)).Met); // left exactly then: gone
    }

    [Fact]
    public void directors_and_guests_do_not_count_at_the_committee_and_one_municipality_counts_once()
    {
        var meeting = new Meeting
        {
            Body = Body.Committee,
            Attendance =
            [
                Member("0127"),
                Member("0127"),
                Member("0136"),
                new(Guid.NewGuid(), "Direktör", AttendanceRole.Director, "0126", PresenceMode.InPerson, Noon, null),
                new(Guid.NewGuid(), "Gäst", AttendanceRole.Guest, null, PresenceMode.InPerson, Noon, null),
            ],
        };
        Assert.Equal(["0127", "0136"], Quorum.At(meeting, Eight, Noon).PresentMembers);
    }

    [Fact]
    public void in_the_management_group_the_directors_count()
    {
        var meeting = new Meeting
        {
            Body = Body.ManagementGroup,
            Attendance =
            [
                .. Eight
                    .Take(4)
                    .Select(c => new Attendance(
                        Guid.NewGuid(),
                        $"Direktör {c}",
                        AttendanceRole.Director,
                        c,
                        PresenceMode.InPerson,
                        Noon,
                        null
                    )),
            ],
        };
        Assert.True(Quorum.At(meeting, Eight, Noon).Met);
    }
}
