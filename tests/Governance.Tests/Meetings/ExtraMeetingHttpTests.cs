using Governance.Meetings;
using Governance.Tests.Support;

namespace Governance.Tests.Meetings;

public class ExtraMeetingHttpTests(AppFixture fixture) : MeetingScenario(fixture)
{
    private async Task<ExtraMeetingDemandState> Request(string code, int version, int expected = 200)
    {
        var result = await Post(
            "/api/extra-meeting-requests",
            new
            {
                municipalityCode = code,
                reason = "Brådskande remiss",
                version,
            },
            Fixture.TokenFor($"Ledamot {code}", "member", code),
            expected
        );
        return expected == 200 ? (await result.ReadAsJsonAsync<ExtraMeetingDemandState>())! : null!;
    }

    [Fact]
    public async Task when_five_different_members_have_requested_an_extra_meeting_the_chair_must_call_it()
    {
        await GivenSodertornWithAllRepresentatives();
        var state = await Request("0127", 0);
        state = await Request("0127", state.Version); // the same member twice counts once
        foreach (var code in new[] { "0136", "0126", "0140" })
            state = await Request(code, state.Version);
        await Request("0180", state.Version, 409); // not a member
        // A member asks for its own municipality only.
        await Post(
            "/api/extra-meeting-requests",
            new
            {
                municipalityCode = "0192",
                reason = "x",
                version = state.Version,
            },
            Fixture.TokenFor("Ledamot 0127", "member", "0127"),
            403
        );
        Assert.Equal((4, false), (state.RequestingMembers.Count, state.ChairMustCall));

        state = await Request("0192", state.Version);
        Assert.True(state.ChairMustCall);
        Assert.True((await Get<ExtraMeetingDemandState>("/api/extra-meeting-requests", MemberToken)).ChairMustCall);

        var extra = await Schedule(date: "2020-03-20", kind: "extra");
        var answered = await Get<ExtraMeetingDemandState>("/api/extra-meeting-requests", MemberToken);
        Assert.Equal((false, 0), (answered.ChairMustCall, answered.OpenRequests.Count));
        Assert.Equal([extra], answered.CalledMeetings);
    }
}
