using System.Text.Json;
using Alba;
using Governance.Offices;
using Governance.Tests.Support;

namespace Governance.Tests.Offices;

public class OfficeHoldersHttpTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task RegisterWithPeople(string code, string name, string representative, string? director = null)
    {
        var created = await Post(
            "/api/municipalities",
            new
            {
                code,
                name,
                registryEmail = $"registrator@{code}.se",
            },
            SecretaryToken,
            201
        );
        var id = (await created.ReadAsJsonAsync<JsonElement>()).GetProperty("value").GetGuid();
        await Post(
            $"/api/municipalities/{id}/representatives",
            new
            {
                personName = representative,
                from = "2019-01-01",
                version = 1,
            },
            SecretaryToken,
            200
        );
        if (director is not null)
            await Post(
                $"/api/municipalities/{id}/directors",
                new
                {
                    personName = director,
                    from = "2019-01-01",
                    version = 2,
                },
                SecretaryToken,
                200
            );
    }

    private async Task GivenHuddingeAndSodertalje()
    {
        await RegisterWithPeople("0126", "Huddinge", "Daniel Dronjak");
        await RegisterWithPeople("0181", "Södertälje", "Boel Godner", "Rickard Sundbom");
    }

    [Fact]
    public async Task the_offices_of_a_year_answer_who_held_which_office_on_a_date()
    {
        await GivenHuddingeAndSodertalje();

        var chair = await Post(
            "/api/offices/chair",
            new
            {
                year = 2020,
                body = "committee",
                municipalityCode = "0126",
                personName = "Daniel Dronjak",
                version = 0,
            },
            SecretaryToken,
            200
        );
        Assert.Equal(1, (await chair.ReadAsJsonAsync<OfficeYearChanged>())!.Version);
        await Post(
            "/api/offices/vice-chair",
            new
            {
                year = 2020,
                municipalityCode = "0181",
                personName = "Boel Godner",
                version = 1,
            },
            SecretaryToken,
            200
        );
        await Post(
            "/api/offices/chair",
            new
            {
                year = 2020,
                body = "managementGroup",
                municipalityCode = "0181",
                personName = "Rickard Sundbom",
                from = "2020-02-01",
                version = 2,
            },
            SecretaryToken,
            200
        );

        var january = await Get<OfficeHolders>("/api/office-holders?on=2020-01-15");
        Assert.Equal(2, january.Holders.Count);
        Assert.Equal("Daniel Dronjak", january.Holders.Single(h => h.Office == Office.CommitteeChair).PersonName);
        Assert.Equal("Huddinge", january.Holders.Single(h => h.Office == Office.CommitteeChair).MunicipalityName);

        var february = await Get<OfficeHolders>("/api/office-holders?on=2020-02-01");
        var groupChair = february.Holders.Single(h => h.Office == Office.ManagementGroupChair);
        Assert.Equal(
            ("Rickard Sundbom", new DateOnly(2020, 2, 1), new DateOnly(2020, 12, 31)),
            (groupChair.PersonName, groupChair.From, groupChair.Until)
        );
        Assert.Equal(3, february.Version);

        Assert.Empty((await Get<OfficeHolders>("/api/office-holders?on=2021-01-01")).Holders);
    }

    [Fact]
    public async Task the_same_member_as_chair_and_vice_chair_is_refused_naming_the_rule_and_nothing_is_written()
    {
        await GivenHuddingeAndSodertalje();
        await Post(
            "/api/offices/chair",
            new
            {
                year = 2020,
                body = "committee",
                municipalityCode = "0126",
                personName = "Daniel Dronjak",
                version = 0,
            },
            SecretaryToken,
            200
        );
        var before = await EventCount();

        var refused = await Post(
            "/api/offices/vice-chair",
            new
            {
                year = 2020,
                municipalityCode = "0126",
                personName = "Daniel Dronjak",
                version = 1,
            },
            SecretaryToken,
            409
        );

        var problem = await refused.ReadAsJsonAsync<JsonElement>();
        Assert.Equal(OfficeRules.TwoDifferentMembers, problem.GetProperty("rule").GetString());
        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public async Task a_chair_who_is_not_the_municipalitys_representative_is_refused()
    {
        await GivenHuddingeAndSodertalje();
        var refused = await Post(
            "/api/offices/chair",
            new
            {
                year = 2020,
                body = "committee",
                municipalityCode = "0181",
                personName = "Rickard Sundbom",
                version = 0,
            },
            SecretaryToken,
            409
        );
        Assert.Equal(
            OfficeRules.Composition,
            (await refused.ReadAsJsonAsync<JsonElement>()).GetProperty("rule").GetString()
        );
        Assert.Equal(0, await Scalar<long>("select count(*) from governance.mt_streams where type like '%office%'"));
    }

    [Fact]
    public async Task the_management_group_chair_must_be_a_director()
    {
        await GivenHuddingeAndSodertalje();
        var refused = await Post(
            "/api/offices/chair",
            new
            {
                year = 2020,
                body = "managementGroup",
                municipalityCode = "0126",
                personName = "Daniel Dronjak",
                version = 0,
            },
            SecretaryToken,
            409
        );
        Assert.Equal(
            OfficeRules.ManagementGroup,
            (await refused.ReadAsJsonAsync<JsonElement>()).GetProperty("rule").GetString()
        );
    }

    [Fact]
    public async Task an_appointment_from_a_date_outside_the_year_is_a_field_error()
    {
        await GivenHuddingeAndSodertalje();
        var refused = await Post(
            "/api/offices/chair",
            new
            {
                year = 2020,
                body = "committee",
                municipalityCode = "0126",
                personName = "Daniel Dronjak",
                from = "2021-01-01",
                version = 0,
            },
            SecretaryToken,
            400
        );
        Assert.True((await refused.ReadAsJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("from", out _));
    }

    [Fact]
    public async Task a_stale_version_of_the_year_is_409_and_the_retry_succeeds()
    {
        await GivenHuddingeAndSodertalje();
        await Post(
            "/api/offices/chair",
            new
            {
                year = 2020,
                body = "committee",
                municipalityCode = "0126",
                personName = "Daniel Dronjak",
                version = 0,
            },
            SecretaryToken,
            200
        );
        var before = await EventCount();

        await Post(
            "/api/offices/vice-chair",
            new
            {
                year = 2020,
                municipalityCode = "0181",
                personName = "Boel Godner",
                version = 0,
            },
            SecretaryToken,
            409
        );
        Assert.Equal(before, await EventCount());
        await Post(
            "/api/offices/vice-chair",
            new
            {
                year = 2020,
                municipalityCode = "0181",
                personName = "Boel Godner",
                version = 1,
            },
            SecretaryToken,
            200
        );
    }

    [Fact]
    public async Task appointments_need_the_secretary()
    {
        await GivenHuddingeAndSodertalje();
        await Post(
            "/api/offices/chair",
            new
            {
                year = 2020,
                body = "committee",
                municipalityCode = "0126",
                personName = "Daniel Dronjak",
                version = 0,
            },
            null,
            401
        );
        await Post(
            "/api/offices/chair",
            new
            {
                year = 2020,
                body = "committee",
                municipalityCode = "0126",
                personName = "Daniel Dronjak",
                version = 0,
            },
            Fixture.TokenFor("Reg", "registry"),
            403
        );
    }
}
