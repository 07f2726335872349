using System.Text.Json;
using Alba;
using Governance.Plans;
using Governance.ReferenceData;
using Governance.Tests.Meetings;
using Governance.Tests.Support;

namespace Governance.Tests.Plans;

public class PlansHttpTests(AppFixture fixture) : MeetingScenario(fixture)
{
    private static readonly string[] Eight = ["0127", "0136", "0126", "0140", "0192", "0128", "0181", "0138"];

    private static object Content(string activity = "Ny gemensam webbplats", Guid? activityId = null) =>
        new
        {
            focusAreas = new[]
            {
                new
                {
                    name = "Funktionell samordning",
                    goal = "Ökad funktionell samordning mellan kommunerna.",
                    subGoals = new[] { "För bättre verksamhet." },
                    networks = new[] { "Kommunikationsnätverket" },
                },
            },
            activities = new[]
            {
                new
                {
                    activityId,
                    focusArea = "Funktionell samordning",
                    subGoal = "För bättre verksamhet.",
                    activity,
                    responsible = new[] { "Kommunikationsnätverket" },
                    time = "Löpande",
                },
            },
            budget = new
            {
                income = new[]
                {
                    new
                    {
                        label = "Avgifter från kommunerna",
                        amount = 2_020_000m,
                        approximate = false,
                    },
                },
                costs = new[]
                {
                    new
                    {
                        label = "Personal",
                        amount = 1_600_000m,
                        approximate = true,
                    },
                },
            },
        };

    private async Task<(Guid Meeting, Guid Item)> CommitteeDecision(string title)
    {
        var meeting = await Schedule(date: "2020-12-10", host: "0181");
        var agenda = await Act(meeting, "/agenda", new { title, kind = "verksamhetsplan" }, ChairToken);
        var item = agenda.GetProperty("agenda")[0].GetProperty("itemId").GetGuid();
        foreach (var code in new[] { "0127", "0126", "0181", "0140" })
            await Attend(meeting, code);
        await Act(
            meeting,
            $"/agenda/{item}/decision",
            new { wording = $"Kommittén beslutar: {title}.", at = "13:00" },
            SecretaryToken
        );
        return (meeting, item);
    }

    [Fact]
    public async Task the_seed_plan_loads_with_every_activity_of_bilaga_1_adopted_at_the_salem_meeting()
    {
        await GivenReferenceData();
        var plan = await Get<PlanView>("/api/plans/2020");
        Assert.Equal(("adopted", 24, 4), (plan.Status, plan.Activities.Count, plan.FocusAreas.Count));
        Assert.Equal((2_012_800m, 2_012_800m), (plan.Budget.TotalIncome, plan.Budget.TotalCosts));
        Assert.Equal(new DateOnly(2020, 4, 2), plan.Adoption!.AdoptedOn);
        Assert.All(plan.Proposal, p => Assert.True(p.Sent));
        Assert.Equal(
            ["Södertälje"],
            plan.Activities.Single(a => a.Activity == "Passage Södertälje kanal.").Responsible
        );
        Assert.Equal(5, (await Get<List<Network>>("/api/networks")).Count);
    }

    [Fact]
    public async Task adoption_is_refused_until_every_member_was_sent_the_proposal_then_amended_and_followed_up()
    {
        await GivenSodertornWithAllRepresentatives();
        OnTheMeetingDay("2020-12-10"); // the proposals and the response are dated before it
        var drafted = await Post("/api/plans", new { year = 2021, content = Content() }, SecretaryToken, 200);
        var version = (await drafted.ReadAsJsonAsync<PlanChanged>())!.Version;
        await Post("/api/plans", new { year = 2021, content = Content() }, SecretaryToken, 409);
        version = (
            await (
                await Post(
                    "/api/plans/2021/revisions",
                    new { content = Content("Gemensam webbplats med uppdaterad information"), version },
                    SecretaryToken,
                    200
                )
            ).ReadAsJsonAsync<PlanChanged>()
        )!.Version;

        var allButNykvarn = Eight.Where(c => c != "0140").ToArray();
        version = (
            await (
                await Post(
                    "/api/plans/2021/proposal",
                    new
                    {
                        municipalityCodes = allButNykvarn,
                        sentOn = "2020-11-01",
                        version,
                    },
                    SecretaryToken,
                    200
                )
            ).ReadAsJsonAsync<PlanChanged>()
        )!.Version;
        version = (
            await (
                await Post(
                    "/api/plans/2021/proposal/responses",
                    new
                    {
                        municipalityCode = "0127",
                        response = "Botkyrka tillstyrker.",
                        respondedOn = "2020-11-20",
                        version,
                    },
                    SecretaryToken,
                    200
                )
            ).ReadAsJsonAsync<PlanChanged>()
        )!.Version;

        var (meeting, item) = await CommitteeDecision("Verksamhetsplan och budget 2021");
        await WaitUntilQuietAsync(); // the proposal and the meeting's notice are delivered in the background
        var before = await EventCount();
        var refused = await Post(
            "/api/plans/2021/adoption",
            new
            {
                meetingId = meeting,
                itemId = item,
                version,
            },
            SecretaryToken,
            409
        );
        var problem = refused.ReadAsJson<JsonElement>();
        Assert.Equal(PlanRules.Plan, problem.GetProperty("rule").GetString());
        Assert.Contains("Nykvarn", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await EventCount());

        version = (
            await (
                await Post(
                    "/api/plans/2021/proposal",
                    new
                    {
                        municipalityCodes = new[] { "0140" },
                        sentOn = "2020-11-02",
                        version,
                    },
                    SecretaryToken,
                    200
                )
            ).ReadAsJsonAsync<PlanChanged>()
        )!.Version;
        version = (
            await (
                await Post(
                    "/api/plans/2021/adoption",
                    new
                    {
                        meetingId = meeting,
                        itemId = item,
                        version,
                    },
                    SecretaryToken,
                    200
                )
            ).ReadAsJsonAsync<PlanChanged>()
        )!.Version;

        // After adoption: no revision, only amendments by decision; follow-up by status reports.
        await Post("/api/plans/2021/revisions", new { content = Content(), version }, SecretaryToken, 409);
        var plan = await Get<PlanView>("/api/plans/2021");
        var activity = plan.Activities.Single().ActivityId;
        version = (
            await (
                await Post(
                    "/api/plans/2021/activities/status",
                    new
                    {
                        activityId = activity,
                        status = "ongoing",
                        comment = "Upphandling pågår.",
                        version,
                    },
                    MemberToken,
                    200
                )
            ).ReadAsJsonAsync<PlanChanged>()
        )!.Version;
        version = (
            await (
                await Post(
                    "/api/plans/2021/activities/status",
                    new
                    {
                        activityId = activity,
                        status = "done",
                        comment = "Lanserad.",
                        version,
                    },
                    SecretaryToken,
                    200
                )
            ).ReadAsJsonAsync<PlanChanged>()
        )!.Version;
        await Post(
            "/api/plans/2021/amendments",
            new
            {
                content = Content("Webbplats och nyhetsbrev", activity),
                what = "Nyhetsbrev tillagt",
                meetingId = meeting,
                itemId = item,
                version,
            },
            SecretaryToken,
            200
        );

        plan = await Get<PlanView>("/api/plans/2021");
        Assert.Equal("adopted", plan.Status);
        Assert.Equal("Botkyrka tillstyrker.", plan.Proposal.Single(p => p.Code == "0127").Responses.Single().Response);
        Assert.Equal(new DateOnly(2020, 12, 10), plan.Adoption!.AdoptedOn);
        Assert.Equal("Nyhetsbrev tillagt", plan.Amendments.Single().What);
        var followed = plan.Activities.Single();
        Assert.Equal("Webbplats och nyhetsbrev", followed.Activity);
        Assert.Equal(ActivityStatus.Done, followed.Status);
        Assert.Equal(["Mats Ledamot", "Anna Sekreterare"], followed.History.Select(h => h.ReportedBy));
    }

    [Fact]
    public async Task plan_content_is_validated_field_by_field()
    {
        await GivenReferenceData();
        var refused = await Post(
            "/api/plans",
            new
            {
                year = 2021,
                content = new
                {
                    focusAreas = Array.Empty<object>(),
                    activities = Array.Empty<object>(),
                    budget = new { income = Array.Empty<object>(), costs = Array.Empty<object>() },
                },
            },
            SecretaryToken,
            400
        );
        Assert.True(
            refused.ReadAsJson<JsonElement>().GetProperty("errors").TryGetProperty("content.focusAreas", out _)
        );

        // Parts left out entirely are field errors too, not a crash.
        var missing = await Post(
            "/api/plans",
            new { year = 2021, content = new { focusAreas = new[] { new { name = "X", goal = "Y" } } } },
            SecretaryToken,
            400
        );
        var errors = missing.ReadAsJson<JsonElement>().GetProperty("errors");
        Assert.True(errors.TryGetProperty("content.activities", out _));
        Assert.True(errors.TryGetProperty("content.budget", out _));
    }
}
