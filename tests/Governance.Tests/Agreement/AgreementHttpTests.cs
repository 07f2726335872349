using System.Text.Json;
using Alba;
using Governance.Agreement;
using Governance.Tests.Support;

namespace Governance.Tests.Agreement;

public class AgreementHttpTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static object Notice(
        string code,
        string? decidedOn,
        string received,
        int version,
        string? reference = "KF 2021-05-17 §84"
    ) =>
        new
        {
            municipalityCode = code,
            councilDecisionOn = decidedOn,
            councilDecisionReference = reference,
            receivedOn = received,
            version,
        };

    private static readonly string[] AllEight = ["0127", "0136", "0126", "0140", "0192", "0128", "0181", "0138"];

    private static string Problem(IScenarioResult result, string field = "rule") =>
        result.ReadAsJson<JsonElement>().GetProperty(field).GetString()!;

    /// <summary>Notices and amendments are dated today at the latest: the tests' day is after their dates.</summary>
    private void LaterThanTheDatesRecorded() =>
        Fixture.Clock.Set(new DateTimeOffset(2021, 7, 1, 10, 0, 0, TimeSpan.FromHours(2)));

    [Fact]
    public async Task the_agreement_is_concluded_between_registered_municipalities_only()
    {
        await Post(
            "/api/municipalities",
            new
            {
                code = "0127",
                name = "Botkyrka",
                registryEmail = "registrator@botkyrka.se",
            },
            SecretaryToken,
            201
        );
        await Post(
            "/api/municipalities",
            new
            {
                code = "0126",
                name = "Huddinge",
                registryEmail = "registrator@huddinge.se",
            },
            SecretaryToken,
            201
        );

        var refused = await Post(
            "/api/agreement",
            new
            {
                inForceFrom = "2010-01-01",
                parties = new[]
                {
                    new { municipalityCode = "0127", signedOn = "2010-06-10" },
                    new { municipalityCode = "0140", signedOn = "2010-06-10" },
                },
            },
            SecretaryToken,
            409
        );
        Assert.Equal(AgreementRules.Parties, Problem(refused));
        Assert.Equal(0, await AgreementVersion());

        var concluded = await Post(
            "/api/agreement",
            new
            {
                inForceFrom = "2010-01-01",
                parties = new[]
                {
                    new { municipalityCode = "0127", signedOn = "2010-06-10" },
                    new { municipalityCode = "0126", signedOn = "2010-06-10" },
                },
            },
            SecretaryToken,
            200
        );
        Assert.Equal(1, (await concluded.ReadAsJsonAsync<AgreementChanged>())!.Version);

        var state = await Get<AgreementState>("/api/agreement?asOf=2020-01-01", MemberToken);
        Assert.Equal(AgreementStatus.InForce, state.Status);
        Assert.Equal(["0127", "0126"], state.Parties.Select(p => p.Code));
        Assert.All(state.Parties, p => Assert.Equal(PartyStatus.Member, p.Status));

        await Post(
            "/api/agreement",
            new
            {
                inForceFrom = "2010-01-01",
                parties = new[] { new { municipalityCode = "0127", signedOn = "2010-06-10" } },
            },
            SecretaryToken,
            409
        );
    }

    [Fact]
    public async Task a_termination_notice_computes_the_period_names_the_chair_and_lists_the_parties_to_inform()
    {
        await GivenReferenceData();
        LaterThanTheDatesRecorded();
        var result = await Post(
            "/api/agreement/termination-notices",
            Notice("0140", "2020-05-17", "2020-06-15", 1),
            SecretaryToken,
            200
        );
        Assert.Equal(2, (await result.ReadAsJsonAsync<AgreementChanged>())!.Version);

        var state = await Get<AgreementState>("/api/agreement?asOf=2020-06-15", Fixture.TokenFor("Reg", "registry"));
        var nykvarn = state.Parties.Single(p => p.Code == "0140");
        Assert.Equal(
            (PartyStatus.NoticeRunning, new DateOnly(2020, 6, 15), new DateOnly(2021, 6, 30), new DateOnly(2021, 7, 1)),
            (nykvarn.Status, nykvarn.NoticeReceivedOn, nykvarn.LastDayOfMembership, nykvarn.WithdrawalDate)
        );
        Assert.Equal("Daniel Dronjak", nykvarn.NoticeReceivedByChair);
        Assert.Equal(new CouncilDecision(new DateOnly(2020, 5, 17), "KF 2021-05-17 §84"), nykvarn.CouncilDecision);
        Assert.Equal(AllEight.Where(c => c != "0140").Order(), nykvarn.PartiesToInform.Select(p => p.Code).Order());
        Assert.All(nykvarn.PartiesToInform, p => Assert.False(p.Informed));

        // The contract's field names.
        var json = await Get<JsonElement>("/api/agreement?asOf=2020-06-15", MemberToken);
        var party = json.GetProperty("parties")
            .EnumerateArray()
            .Single(p => p.GetProperty("code").GetString() == "0140");
        Assert.Equal("noticeRunning", party.GetProperty("status").GetString());
        Assert.Equal("2020-06-15", party.GetProperty("noticeReceivedOn").GetString());
        Assert.Equal("2021-06-30", party.GetProperty("lastDayOfMembership").GetString());
        Assert.Equal("2021-07-01", party.GetProperty("withdrawalDate").GetString());
    }

    [Fact]
    public async Task notices_breaking_section_2_are_refused_naming_it_and_nothing_is_written()
    {
        await GivenReferenceData();
        LaterThanTheDatesRecorded();
        var before = await EventCount();

        var missing = await Post(
            "/api/agreement/termination-notices",
            Notice("0140", null, "2020-06-15", 1, reference: null),
            SecretaryToken,
            400
        );
        var errors = missing.ReadAsJson<JsonElement>().GetProperty("errors");
        Assert.Equal("Fältet får inte vara null.", errors.GetProperty("councilDecisionOn")[0].GetString());
        Assert.True(errors.TryGetProperty("councilDecisionReference", out _));
        var unnamed = await Post(
            "/api/agreement/termination-notices",
            Notice("0140", "2020-06-01", "2020-06-15", 1, reference: ""),
            SecretaryToken,
            400
        );
        Assert.Contains(
            "§2",
            unnamed
                .ReadAsJson<JsonElement>()
                .GetProperty("errors")
                .GetProperty("councilDecisionReference")[0]
                .GetString(),
            StringComparison.Ordinal
        );

        Assert.Equal(
            AgreementRules.Term,
            Problem(
                await Post(
                    "/api/agreement/termination-notices",
                    Notice("0140", "2020-06-16", "2020-06-15", 1),
                    SecretaryToken,
                    409
                )
            )
        );
        Assert.Equal(
            AgreementRules.Term,
            Problem(
                await Post(
                    "/api/agreement/termination-notices",
                    Notice("0180", "2020-06-01", "2020-06-15", 1),
                    SecretaryToken,
                    409
                )
            )
        );
        Assert.Equal(before, await EventCount());

        await Post(
            "/api/agreement/termination-notices",
            Notice("0140", "2020-06-01", "2020-06-15", 1),
            SecretaryToken,
            200
        );
        // The notice, and the deliveries informing the other parties, sent in the background.
        await WaitUntilQuietAsync();
        var afterNotice = await EventCount();
        Assert.Equal(
            AgreementRules.Term,
            Problem(
                await Post(
                    "/api/agreement/termination-notices",
                    Notice("0140", "2020-08-01", "2020-08-15", 2),
                    SecretaryToken,
                    409
                )
            )
        );
        Assert.Equal(afterNotice, await EventCount());
        Assert.Equal(2, await AgreementVersion());
    }

    [Fact]
    public async Task the_withdrawal_takes_effect_on_its_date_without_anyone_acting()
    {
        await GivenReferenceData();
        LaterThanTheDatesRecorded();
        await Post(
            "/api/agreement/termination-notices",
            Notice("0140", "2021-05-17", "2021-06-15", 1),
            SecretaryToken,
            200
        );
        await WaitUntilQuietAsync(); // the deliveries informing the other parties are sent in the background
        var eventsAfterNotice = await EventCount();

        // last evening of membership, Stockholm time
        Fixture.Clock.Set(new DateTimeOffset(2022, 6, 30, 23, 59, 0, TimeSpan.FromHours(2)));
        var lastDay = await Get<AgreementState>("/api/agreement", MemberToken);
        Assert.Equal(PartyStatus.NoticeRunning, lastDay.Parties.Single(p => p.Code == "0140").Status);
        Assert.Equal(8, (await Get<MembershipOnDate>("/api/agreement/members", MemberToken)).Count);

        // just after midnight: withdrawn
        Fixture.Clock.Set(new DateTimeOffset(2022, 7, 1, 0, 1, 0, TimeSpan.FromHours(2)));
        var withdrawn = await Get<AgreementState>("/api/agreement", MemberToken);
        Assert.Equal(PartyStatus.Withdrawn, withdrawn.Parties.Single(p => p.Code == "0140").Status);
        var members = await Get<MembershipOnDate>("/api/agreement/members", MemberToken);
        Assert.Equal(7, members.Count);
        Assert.DoesNotContain(members.Members, m => m.Code == "0140");

        // Any date before the withdrawal still shows a member with notice running; nothing was written to get here.
        Assert.Equal(
            PartyStatus.NoticeRunning,
            (await Get<MembershipOnDate>("/api/agreement/members?on=2022-01-10", MemberToken))
                .Members.Single(m => m.Code == "0140")
                .Status
        );
        Assert.Equal(eventsAfterNotice, await EventCount());
    }

    [Fact]
    public async Task informing_the_other_parties_is_recorded_and_shown_per_party()
    {
        await GivenReferenceData();
        LaterThanTheDatesRecorded();
        await Post(
            "/api/agreement/termination-notices",
            Notice("0140", "2020-05-17", "2020-06-15", 1),
            SecretaryToken,
            200
        );

        await Post(
            "/api/agreement/termination-notices/0140/informed",
            new
            {
                informedMunicipalityCode = "0127",
                informedOn = "2020-06-16",
                version = 2,
            },
            Fixture.TokenFor("Daniel Dronjak", "chair"),
            200
        );
        var twice = await Post(
            "/api/agreement/termination-notices/0140/informed",
            new
            {
                informedMunicipalityCode = "0127",
                informedOn = "2020-06-17",
                version = 3,
            },
            SecretaryToken,
            409
        );
        Assert.Equal(AgreementRules.Term, Problem(twice));
        await Post(
            "/api/agreement/termination-notices/0140/informed",
            new
            {
                informedMunicipalityCode = "0136",
                informedOn = "2020-06-16",
                version = 3,
            },
            MemberToken,
            403
        );

        var toInform = (await Get<AgreementState>("/api/agreement?asOf=2020-06-30", MemberToken))
            .Parties.Single(p => p.Code == "0140")
            .PartiesToInform;
        Assert.Equal(new DateOnly(2020, 6, 16), toInform.Single(p => p.Code == "0127").InformedOn);
        Assert.Equal(6, toInform.Count(p => !p.Informed));
    }

    [Fact]
    public async Task amendments_and_alternative_rules_are_listed_in_order_when_all_members_agreed()
    {
        await GivenReferenceData();
        LaterThanTheDatesRecorded();
        var refused = await Post(
            "/api/agreement/decision-rules",
            new
            {
                matterKind = "Remissvar",
                rule = "majorityOfPresent",
                agreedOn = "2020-03-05",
                decisionReference = "Minnesanteckningar 2020-03-05 §4",
                agreedBy = AllEight.Skip(1),
                version = 1,
            },
            SecretaryToken,
            409
        );
        Assert.Equal(AgreementRules.AlternativeRule, Problem(refused));

        await Post(
            "/api/agreement/decision-rules",
            new
            {
                matterKind = "Remissvar",
                rule = "majorityOfPresent",
                agreedOn = "2020-03-05",
                decisionReference = "Minnesanteckningar 2020-03-05 §4",
                agreedBy = AllEight,
                version = 1,
            },
            SecretaryToken,
            200
        );
        await Post(
            "/api/agreement/amendments",
            new
            {
                clause = "§5",
                newWording = "Huddinge kommun tillhandahåller ett kansli.",
                adoptedOn = "2020-09-03",
                decisionReference = "KS-beslut",
                adoptedBy = AllEight,
                version = 2,
            },
            SecretaryToken,
            200
        );
        await Post(
            "/api/agreement/amendments",
            new
            {
                clause = "§8",
                newWording = "Avgiften är 4 kr per invånare.",
                adoptedOn = "2020-04-02",
                decisionReference = "KS-beslut",
                adoptedBy = AllEight,
                version = 3,
            },
            SecretaryToken,
            200
        );

        var state = await Get<AgreementState>("/api/agreement?asOf=2020-12-31", MemberToken);
        Assert.Equal(["§8", "§5"], state.Amendments.Select(a => a.Clause));
        var rule = Assert.Single(state.DecisionRules);
        Assert.Equal(("remissvar", DecisionRule.MajorityOfPresent), (rule.MatterKind, rule.Rule));
        Assert.Empty((await Get<AgreementState>("/api/agreement?asOf=2020-03-04", MemberToken)).DecisionRules);
    }

    [Fact]
    public async Task agreement_writes_need_the_secretary_reads_need_sign_in_and_a_stale_version_is_409()
    {
        await GivenReferenceData();
        LaterThanTheDatesRecorded();
        await Post("/api/agreement/termination-notices", Notice("0140", "2020-05-17", "2020-06-15", 1), null, 401);
        await Post(
            "/api/agreement/termination-notices",
            Notice("0140", "2020-05-17", "2020-06-15", 1),
            MemberToken,
            403
        );
        await Host.Scenario(s =>
        {
            s.Get.Url("/api/agreement");
            s.StatusCodeShouldBe(401);
        });

        await Post(
            "/api/agreement/amendments",
            new
            {
                clause = "§5",
                newWording = "x",
                adoptedOn = "2020-09-03",
                decisionReference = "y",
                adoptedBy = AllEight,
                version = 1,
            },
            SecretaryToken,
            200
        );
        var stale = await Post(
            "/api/agreement/termination-notices",
            Notice("0140", "2020-05-17", "2020-06-15", 1),
            SecretaryToken,
            409
        );
        Assert.Equal(2, stale.ReadAsJson<JsonElement>().GetProperty("currentVersion").GetInt32());
        await Post(
            "/api/agreement/termination-notices",
            Notice("0140", "2020-05-17", "2020-06-15", 2),
            SecretaryToken,
            200
        );
    }

    [Fact]
    public async Task before_the_agreement_is_recorded_its_commands_and_state_are_404()
    {
        LaterThanTheDatesRecorded();
        await Post(
            "/api/agreement/termination-notices",
            Notice("0140", "2020-05-17", "2020-06-15", 1),
            SecretaryToken,
            404
        );
        await Host.Scenario(s =>
        {
            s.Get.Url("/api/agreement");
            s.WithBearerToken(MemberToken);
            s.StatusCodeShouldBe(404);
        });
    }

    [Fact]
    public async Task the_chair_must_be_the_representative_of_a_member_on_the_first_day_of_office()
    {
        await GivenReferenceData();
        LaterThanTheDatesRecorded();
        await Post(
            "/api/agreement/termination-notices",
            Notice("0126", "2020-05-17", "2020-06-15", 1),
            SecretaryToken,
            200
        );
        // Huddinge withdraws from 2021-07-01: its representative can be chair from January 2021 but not from July.
        await Post(
            "/api/offices/chair",
            new
            {
                year = 2021,
                body = "committee",
                municipalityCode = "0126",
                personName = "Daniel Dronjak",
                version = 0,
            },
            SecretaryToken,
            200
        );
        var refused = await Post(
            "/api/offices/chair",
            new
            {
                year = 2021,
                body = "committee",
                municipalityCode = "0126",
                personName = "Daniel Dronjak",
                from = "2021-07-01",
                version = 1,
            },
            SecretaryToken,
            409
        );
        Assert.Equal(Governance.Offices.OfficeRules.Composition, Problem(refused));
    }
}
