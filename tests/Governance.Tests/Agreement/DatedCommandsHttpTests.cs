using System.Text.Json;
using Alba;
using Governance.Fees;
using Governance.Meetings;
using Governance.Plans;
using Governance.Tests.Meetings;
using Governance.Tests.Support;

namespace Governance.Tests.Agreement;

/// <summary>
/// Dates over HTTP: a future date of an act is a 400 on its field, a date before what it depends on a 409 naming the
/// rule; nothing is written. The tests' day is 2 March 2020.
/// </summary>
public class DatedCommandsHttpTests(AppFixture fixture) : MeetingScenario(fixture)
{
    private static string[] Fields(IScenarioResult result) =>
        [.. result.ReadAsJson<JsonElement>().GetProperty("errors").EnumerateObject().Select(e => e.Name)];

    private static string Rule(IScenarioResult result) =>
        result.ReadAsJson<JsonElement>().GetProperty("rule").GetString()!;

    [Fact]
    public async Task a_termination_notice_received_or_decided_in_the_future_is_refused_on_that_field()
    {
        await GivenReferenceData();
        var before = await EventCount();
        Task<IScenarioResult> Notice(string decided, string received, int status) =>
            Post(
                "/api/agreement/termination-notices",
                new
                {
                    municipalityCode = "0140",
                    councilDecisionOn = decided,
                    councilDecisionReference = "KF 2020-02-20 §12",
                    receivedOn = received,
                    version = 1,
                },
                SecretaryToken,
                status
            );

        Assert.Equal(["receivedOn"], Fields(await Notice("2020-02-20", "2020-03-03", 400)));
        Assert.Equal(["councilDecisionOn"], Fields(await Notice("2020-03-03", "2020-03-02", 400)));
        Assert.Equal(before, await EventCount());
        await Notice("2020-02-20", "2020-03-02", 200);
    }

    [Fact]
    public async Task nothing_is_recorded_at_a_meeting_before_its_day()
    {
        await GivenSodertornWithAllRepresentatives();
        var meeting = await Schedule("2020-04-23");
        var before = await EventCount();

        var early = await Post(
            $"/api/meetings/{meeting}/attendance",
            new
            {
                personName = "Ebba Östlin",
                role = "member",
                municipalityCode = "0127",
                mode = "inPerson",
                arrivedAt = "12:00",
                version = 1,
            },
            SecretaryToken,
            409
        );
        Assert.Equal(MeetingRules.MeetingDay, Rule(early));
        var close = await Post(
            $"/api/meetings/{meeting}/close",
            new { at = "15:00", version = 1 },
            SecretaryToken,
            409
        );
        Assert.Equal(MeetingRules.MeetingDay, Rule(close));
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
        Task<IScenarioResult> Pay(string paidOn, int status) =>
            Post(
                "/api/fees/2020/payments",
                new
                {
                    municipalityCode = "0127",
                    amount = 1000m,
                    paidOn,
                    version,
                },
                SecretaryToken,
                status
            );

        Assert.Equal(["paidOn"], Fields(await Pay("2020-03-03", 400)));
        Assert.Equal(FeeRules.Fee, Rule(await Pay("2020-03-01", 409)));
        Assert.Equal(before, await EventCount());
        await Pay("2020-03-02", 200);
    }

    [Fact]
    public async Task a_response_to_the_plan_proposal_is_not_dated_before_the_proposal_was_sent()
    {
        await GivenReferenceData();
        var version = (await Get<JsonElement>("/api/plans/2020")).GetProperty("version").GetInt32();
        Task<IScenarioResult> Respond(string respondedOn, int status) =>
            Post(
                "/api/plans/2020/proposal/responses",
                new
                {
                    municipalityCode = "0127",
                    response = "Inga synpunkter.",
                    respondedOn,
                    version,
                },
                SecretaryToken,
                status
            );

        Assert.Equal(PlanRules.Plan, Rule(await Respond("2020-03-01", 409)));
        Assert.Equal(["respondedOn"], Fields(await Respond("2020-03-03", 400)));
        await Respond("2020-03-02", 200);
    }
}
