using System.Text.Json;
using Alba;
using Governance.Agreement;
using Governance.Tests.Meetings;
using Governance.Tests.Support;

namespace Governance.Tests.Agreement;

/// <summary>
/// §10 over HTTP: the committee dissolves itself by a decision at one of its meetings; afterwards only that meeting's
/// record may be finished, and meetings planned after it read as cancelled by it everywhere, with no event written.
/// </summary>
public sealed class DissolutionHttpTests(AppFixture fixture) : MeetingScenario(fixture), IDisposable
{
    private const string Reference = "Minnesanteckningar 2020-12-10 §1";

    /// <summary>
    /// Notices and approved minutes reach the registries at once: no delivery retries write into the counts or run on
    /// into the next test.
    /// </summary>
    private void Arrange() => Fixture.Smtp.Start();

    public void Dispose()
    {
        Fixture.Smtp.Stop();
        Fixture.Smtp.Clear();
    }

    private static string Rule(IScenarioResult result) =>
        result.ReadAsJson<JsonElement>().GetProperty("rule").GetString()!;

    private void At(int month, int day, int hour = 13) =>
        Fixture.Clock.Set(
            new DateTimeOffset(2020, month, day, hour, 0, 0, TimeSpan.FromHours(month is > 3 and < 11 ? 2 : 1))
        );

    /// <summary>Acts on another meeting from now on: its version is read first.</summary>
    private async Task Switch(Guid meeting) =>
        Version = (await Get<JsonElement>($"/api/meetings/{meeting}", SecretaryToken))
            .GetProperty("version")
            .GetInt32();

    private async Task<Guid> Item(Guid meeting, string title) =>
        (await Act(meeting, "/agenda", new { title, kind = "beslut" }, ChairToken))
            .GetProperty("agenda")
            .EnumerateArray()
            .Single(i => i.GetProperty("title").GetString() == title)
            .GetProperty("itemId")
            .GetGuid();

    /// <summary>The committee meets on 10 December 2020 and decides to dissolve itself (not yet recorded).</summary>
    private async Task<(Guid Meeting, Guid Item)> DecidedToDissolve()
    {
        var meeting = await Schedule("2020-12-10", host: "0181");
        var item = await Item(meeting, "Kommitténs upplösning");
        At(12, 10);
        foreach (var code in new[] { "0127", "0126", "0181", "0140" })
            await Attend(meeting, code);
        await Act(
            meeting,
            $"/agenda/{item}/decision",
            new { wording = "Kommittén upplöses den 10 december 2020.", at = "13:00" },
            SecretaryToken
        );
        return (meeting, item);
    }

    private async Task<IScenarioResult> Dissolve(Guid meeting, Guid item, int expected) =>
        await Post(
            "/api/agreement/dissolution",
            new
            {
                meetingId = meeting,
                itemId = item,
                decisionReference = Reference,
                assets = 1_234_567.89m,
                liabilities = 100_000.01m,
                version = await AgreementVersion(),
            },
            SecretaryToken,
            expected
        );

    private async Task<string> Refused(string path, object body, string token) =>
        Rule(await Post(path, body, token, 409));

    [Fact]
    public async Task the_decision_at_a_committee_meeting_dissolves_it_and_then_only_that_meetings_record_is_finished()
    {
        Arrange();
        await GivenSodertornWithAllRepresentatives();
        var earlier = await Schedule("2020-10-29", host: "0192");
        var later = await Schedule("2021-01-14", host: "0126");
        await Switch(earlier);
        await Item(earlier, "Information");
        At(10, 29);
        await Act(earlier, "/close", new { at = "15:00" }, SecretaryToken); // held; its minutes never approved
        var (meeting, item) = await DecidedToDissolve();
        var form = await Host.Scenario(s =>
        {
            s.Get.Url("/avtal");
            s.WithBearerToken(SecretaryToken);
        });
        Assert.Contains($"value=\"{meeting} {item}\"", form.ReadAsText(), StringComparison.Ordinal);

        At(12, 11, hour: 9);
        var dissolved = await Dissolve(meeting, item, 200);
        Assert.Equal(2, (await dissolved.ReadAsJsonAsync<AgreementChanged>())!.Version);
        var state = await Get<AgreementState>("/api/agreement?asOf=2020-12-11", MemberToken);
        Assert.Equal(AgreementStatus.Dissolved, state.Status);
        var d = state.Dissolution!;
        Assert.Equal(
            (new DateOnly(2020, 12, 10), (Guid?)meeting, (Guid?)item, Reference),
            (d.DecidedOn, d.MeetingId, d.ItemId, d.DecisionReference)
        );
        Assert.Equal((2019, 8), (d.PopulationYear, d.Shares.Count));
        Assert.Equal(1_234_567.89m, d.Shares.Sum(s => s.Assets));
        Assert.Equal(100_000.01m, d.Shares.Sum(s => s.Liabilities));

        // Any other meeting, held before or planned after, takes nothing more; nor does anything else.
        await WaitUntilQuietAsync(); // what the meetings sent out is delivered in the background
        var before = await EventCount();
        var dissolution = AgreementRules.Dissolution;
        await Switch(earlier);
        Assert.Equal(
            dissolution,
            await Refused($"/api/meetings/{earlier}/minutes/approval", new { version = Version }, ChairToken)
        );
        Assert.Equal(
            dissolution,
            await Refused(
                $"/api/meetings/{earlier}/minutes/text",
                new { text = "Efterhand.", version = Version },
                SecretaryToken
            )
        );
        await Switch(later);
        Assert.Equal(
            dissolution,
            await Refused($"/api/meetings/{later}/close", new { at = "15:00", version = Version }, SecretaryToken)
        );
        Assert.Equal(
            dissolution,
            await Refused(
                $"/api/meetings/{later}/attendance",
                new
                {
                    personName = "Ebba Östlin",
                    role = "member",
                    municipalityCode = "0127",
                    mode = "inPerson",
                    arrivedAt = "12:00",
                    version = Version,
                },
                SecretaryToken
            )
        );
        await Switch(meeting);
        Assert.Equal(
            dissolution,
            await Refused(
                $"/api/meetings/{meeting}/attendance",
                new
                {
                    personName = "Sara Ericson",
                    role = "member",
                    municipalityCode = "0128",
                    mode = "inPerson",
                    arrivedAt = "14:00",
                    version = Version,
                },
                SecretaryToken
            )
        );
        Assert.Equal(
            dissolution,
            await Refused(
                "/api/meetings",
                new
                {
                    body = "committee",
                    kind = "ordinary",
                    date = "2021-02-04",
                    startsAt = "12:00",
                    endsAt = "15:30",
                    hostMunicipalityCode = "0128",
                    place = "Salem",
                },
                SecretaryToken
            )
        );
        Assert.Equal(before, await EventCount());

        // The dissolving meeting's record is finished: closed, its minutes written, approved, corrected.
        await Act(
            meeting,
            "/minutes/text",
            new { itemId = item, text = "Ordföranden tackade ledamöterna." },
            SecretaryToken
        );
        await Act(meeting, "/close", new { at = "15:00" }, SecretaryToken);
        await Act(meeting, "/minutes/approval", new { }, ChairToken);
        await Act(
            meeting,
            "/minutes/corrections",
            new
            {
                itemId = item,
                target = "text",
                newText = "Ordföranden tackade alla.",
                what = "Texten",
                why = "Alla tackades.",
            },
            SecretaryToken
        );
        var minutes = await Get<JsonElement>($"/api/meetings/{meeting}/minutes");
        Assert.Equal("approved", minutes.GetProperty("status").GetString());
    }

    [Fact]
    public async Task meetings_planned_after_the_dissolution_read_as_cancelled_by_it_and_no_event_is_written()
    {
        Arrange();
        await GivenSodertornWithAllRepresentatives();
        var later = await Schedule("2021-01-14", host: "0126");
        var (meeting, item) = await DecidedToDissolve();
        await using (var session = Store.QuerySession())
            Assert.Equal(1, (await session.Events.FetchStreamStateAsync(later))!.Version);
        // A subscriber polled before: the feed kept for that poll must not outlive the dissolution.
        var before = Ical.Net.Calendar.Load((await Host.Scenario(s => s.Get.Url("/calendar.ics"))).ReadAsText())!;
        Assert.Equal("CONFIRMED", before.Events.Single(e => e.Uid == $"{later}@governance").Status);

        await Dissolve(meeting, item, 200);

        await using (var session = Store.QuerySession())
            Assert.Equal(1, (await session.Events.FetchStreamStateAsync(later))!.Version);
        JsonElement InCalendar(JsonElement calendar, Guid id) =>
            calendar.GetProperty("meetings").EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == id);
        var shown = InCalendar(await Get<JsonElement>("/api/meetings?year=2021"), later);
        Assert.Equal("cancelled", shown.GetProperty("status").GetString());
        Assert.Equal(
            $"Kommittén upplöstes 2020-12-10 ({Reference}).",
            shown.GetProperty("cancellationReason").GetString()
        );
        Assert.Equal("cancelled", (await Get<JsonElement>($"/api/meetings/{later}")).GetProperty("status").GetString());
        // The same day is not after it.
        var dissolving = InCalendar(await Get<JsonElement>("/api/meetings?year=2020"), meeting);
        Assert.Equal("scheduled", dissolving.GetProperty("status").GetString());

        var ics = Ical.Net.Calendar.Load((await Host.Scenario(s => s.Get.Url("/calendar.ics"))).ReadAsText())!;
        var feedEvent = ics.Events.Single(e => e.Uid == $"{later}@governance");
        Assert.Equal(("CANCELLED", 1), (feedEvent.Status, feedEvent.Sequence));
        Assert.Equal("CONFIRMED", ics.Events.Single(e => e.Uid == $"{meeting}@governance").Status);

        var page = (await Host.Scenario(s => s.Get.Url("/kalender?ar=2021"))).ReadAsText();
        Assert.Contains("Inställt", page, StringComparison.Ordinal);
        var meetingPage = (await Host.Scenario(s => s.Get.Url($"/sammantraden/{later}"))).ReadAsText();
        Assert.Contains("Kommittén upplöstes 2020-12-10", meetingPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_dissolution_dated_before_acts_already_recorded_is_refused_naming_each_and_nothing_is_written()
    {
        Arrange();
        await GivenSodertornWithAllRepresentatives();
        var group = await Schedule("2020-12-11", host: "0126", body: "managementGroup");
        var groupVersion = Version;
        var (meeting, item) = await DecidedToDissolve();
        Version = groupVersion;
        At(12, 11, hour: 16);
        await Act(group, "/close", new { at = "15:00" }, SecretaryToken);
        At(12, 16);
        await Post(
            "/api/agreement/termination-notices",
            new
            {
                municipalityCode = "0140",
                councilDecisionOn = "2020-12-14",
                councilDecisionReference = "KF 2020-12-14 §120",
                receivedOn = "2020-12-15",
                version = 1,
            },
            SecretaryToken,
            200
        );

        await WaitUntilQuietAsync(); // the notice's deliveries to the other parties are sent in the background
        var before = await EventCount();
        var refused = await Dissolve(meeting, item, 409);
        var detail = refused.ReadAsJson<JsonElement>().GetProperty("detail").GetString()!;
        Assert.Equal(AgreementRules.Dissolution, Rule(refused));
        Assert.Contains("2020-12-11 sammanträde (Ledningsgruppen) hölls", detail, StringComparison.Ordinal);
        Assert.Contains("2020-12-15 uppsägning från Nykvarn mottogs", detail, StringComparison.Ordinal);
        Assert.Equal(before, await EventCount());
        Assert.Equal(AgreementStatus.InForce, (await Get<AgreementState>("/api/agreement", MemberToken)).Status);
    }

    [Fact]
    public async Task only_a_decision_of_the_committee_at_a_meeting_dissolves_it()
    {
        Arrange();
        await GivenSodertornWithAllRepresentatives();
        var (meeting, item) = await DecidedToDissolve();
        var open = await Item(meeting, "Övrigt");
        At(12, 11);

        await Dissolve(Guid.NewGuid(), item, 404);
        await Dissolve(meeting, Guid.NewGuid(), 404);
        Assert.Equal(AgreementRules.Dissolution, Rule(await Dissolve(meeting, open, 409))); // no decision on that item
        var missing = await Post(
            "/api/agreement/dissolution",
            new
            {
                decisionReference = Reference,
                assets = 1m,
                liabilities = 0m,
                version = 1,
            },
            SecretaryToken,
            400
        );
        Assert.True(missing.ReadAsJson<JsonElement>().GetProperty("errors").TryGetProperty("meetingId", out _));
        Assert.Equal(1, await AgreementVersion());
    }
}
