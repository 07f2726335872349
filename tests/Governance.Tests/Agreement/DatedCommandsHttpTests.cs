using System.Text.Json;
using Alba;
using Governance.Tests.Meetings;
using Governance.Tests.Support;

namespace Governance.Tests.Agreement;

/// <summary>Dates over HTTP: a future date of an act is a 400 on its field, a date before what it depends on a 409; nothing written.</summary>
public class DatedCommandsHttpTests(AppFixture fixture) : MeetingScenario(fixture)
{
    // The tests' day: 2 March 2020.
    private static string[] Fields(IScenarioResult result) =>
        [.. result.ReadAsJson<JsonElement>().GetProperty("errors").EnumerateObject().Select(e => e.Name)];

    private static string Rule(IScenarioResult result) => result.ReadAsJson<JsonElement>().GetProperty("rule").GetString()!;

    [Fact]
    public async Task a_termination_notice_received_or_decided_in_the_future_is_refused_on_that_field()
    {
        await GivenReferenceData();
        var before = await EventCount();
        object Notice(string decided, string received) => new { municipalityCode = "0140", councilDecisionOn = decided,
            councilDecisionReference = "KF 2020-02-20 §12", receivedOn = received, version = 1 };

        Assert.Equal(["receivedOn"], Fields(await Post("/api/agreement/termination-notices", Notice("2020-02-20", "2020-03-03"), SecretaryToken, 400)));
        Assert.Equal(["councilDecisionOn"], Fields(await Post("/api/agreement/termination-notices", Notice("2020-03-03", "2020-03-02"), SecretaryToken, 400)));
        Assert.Equal(before, await EventCount());
        await Post("/api/agreement/termination-notices", Notice("2020-02-20", "2020-03-02"), SecretaryToken, 200);
    }

    [Fact]
    public async Task nothing_is_recorded_at_a_meeting_before_its_day()
    {
        await GivenSodertornWithAllRepresentatives();
        var meeting = await Schedule("2020-04-23");
        var before = await EventCount();

        var early = await Post($"/api/meetings/{meeting}/attendance", new { personName = "Ebba Östlin", role = "member",
            municipalityCode = "0127", mode = "inPerson", arrivedAt = "12:00", version = 1 }, SecretaryToken, 409);
        Assert.Equal(Governance.Meetings.MeetingRules.MeetingDay, Rule(early));
        Assert.Equal(Governance.Meetings.MeetingRules.MeetingDay,
            Rule(await Post($"/api/meetings/{meeting}/close", new { at = "15:00", version = 1 }, SecretaryToken, 409)));
        Assert.Equal(before, await EventCount());

        Fixture.Clock.Set(new DateTimeOffset(2020, 4, 23, 11, 55, 0, TimeSpan.FromHours(2)));
        await Attend(meeting, "0127");
    }

    [Fact]
    public async Task a_payment_is_made_by_today_and_not_before_the_invoices()
    {
        await GivenReferenceData();
        var invoiced = await Post("/api/fees/2020/invoices", new { version = 2 }, SecretaryToken, 200);
        var version = invoiced.ReadAsJson<JsonElement>().GetProperty("version").GetInt32();
        var before = await EventCount();
        object Payment(string paidOn) => new { municipalityCode = "0127", amount = 1000m, paidOn, version };

        Assert.Equal(["paidOn"], Fields(await Post("/api/fees/2020/payments", Payment("2020-03-03"), SecretaryToken, 400)));
        Assert.Equal(Governance.Fees.FeeRules.Fee, Rule(await Post("/api/fees/2020/payments", Payment("2020-03-01"), SecretaryToken, 409)));
        Assert.Equal(before, await EventCount());
        await Post("/api/fees/2020/payments", Payment("2020-03-02"), SecretaryToken, 200);
    }

    [Fact]
    public async Task a_response_to_the_plan_proposal_is_not_dated_before_the_proposal_was_sent()
    {
        await GivenReferenceData();
        var version = (await Get<JsonElement>("/api/plans/2020")).GetProperty("version").GetInt32();
        object Response(string respondedOn) => new { municipalityCode = "0127", response = "Inga synpunkter.", respondedOn, version };

        Assert.Equal(Governance.Plans.PlanRules.Plan, Rule(await Post("/api/plans/2020/proposal/responses", Response("2020-03-01"), SecretaryToken, 409)));
        Assert.Equal(["respondedOn"], Fields(await Post("/api/plans/2020/proposal/responses", Response("2020-03-03"), SecretaryToken, 400)));
        await Post("/api/plans/2020/proposal/responses", Response("2020-03-02"), SecretaryToken, 200);
    }
}
