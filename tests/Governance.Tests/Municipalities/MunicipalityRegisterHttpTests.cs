using System.Text.Json;
using Alba;
using Governance.Municipalities;
using Governance.Tests.Support;
using Marten;

namespace Governance.Tests.Municipalities;

public class MunicipalityRegisterHttpTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly object Botkyrka = new
    {
        code = "0127",
        name = "Botkyrka",
        registryEmail = "registrator@botkyrka.se",
    };

    private async Task<Guid> Register(object body)
    {
        var result = await Post("/api/municipalities", body, SecretaryToken, 201);
        return (await result.ReadAsJsonAsync<JsonElement>()).GetProperty("value").GetGuid();
    }

    [Fact]
    public async Task a_registered_municipality_is_listed_with_its_people_and_latest_population()
    {
        var id = await Register(Botkyrka);
        Assert.Equal(Municipality.IdFor("0127"), id);

        await Post(
            $"/api/municipalities/{id}/representatives",
            new
            {
                personName = "Ebba Östlin",
                from = "2019-01-01",
                version = 1,
            },
            SecretaryToken,
            200
        );
        await Post(
            $"/api/municipalities/{id}/directors",
            new
            {
                personName = "Stefan Enström",
                from = "2019-01-01",
                version = 2,
            },
            SecretaryToken,
            200
        );
        await Post(
            $"/api/municipalities/{id}/populations",
            new
            {
                year = 2019,
                population = 94_100,
                isSample = false,
                version = 3,
            },
            SecretaryToken,
            200
        );

        var list = await Get<List<MunicipalitySummary>>("/api/municipalities");
        var botkyrka = Assert.Single(list);
        Assert.Equal(
            ("0127", "Botkyrka", "registrator@botkyrka.se"),
            (botkyrka.Code, botkyrka.Name, botkyrka.RegistryEmail)
        );
        Assert.Equal("Ebba Östlin", botkyrka.Representative);
        Assert.Equal("Stefan Enström", botkyrka.Director);
        Assert.Equal(94_100, botkyrka.LatestPopulation!.Population);
        Assert.Equal("SCB", botkyrka.LatestPopulation.Source);
        Assert.Equal(4, botkyrka.Version);
    }

    [Fact]
    public async Task a_duplicate_code_is_refused_with_409_and_nothing_is_written()
    {
        await Register(Botkyrka);
        var before = await EventCount();

        var result = await Post(
            "/api/municipalities",
            new
            {
                code = "0127",
                name = "Botkyrka igen",
                registryEmail = "x@botkyrka.se",
            },
            SecretaryToken,
            409
        );

        var problem = await result.ReadAsJsonAsync<JsonElement>();
        Assert.Contains("0127", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public async Task a_duplicate_name_is_refused_too()
    {
        await Register(Botkyrka);
        await Post(
            "/api/municipalities",
            new
            {
                code = "0999",
                name = "Botkyrka",
                registryEmail = "x@botkyrka.se",
            },
            SecretaryToken,
            409
        );
        Assert.Equal(1, await EventCount());
    }

    [Fact]
    public async Task malformed_code_and_email_are_refused_with_400_naming_each_field_and_nothing_is_written()
    {
        var result = await Post(
            "/api/municipalities",
            new
            {
                code = "12A",
                name = "",
                registryEmail = "registrator",
            },
            SecretaryToken,
            400
        );

        var errors = (await result.ReadAsJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("code", out _));
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("registryEmail", out _));
        Assert.Equal(0, await EventCount());
    }

    [Fact]
    public async Task a_negative_population_is_refused_and_nothing_is_written()
    {
        var id = await Register(Botkyrka);
        var result = await Post(
            $"/api/municipalities/{id}/populations",
            new
            {
                year = 2019,
                population = -5,
                isSample = false,
                version = 1,
            },
            SecretaryToken,
            400
        );
        Assert.True(
            (await result.ReadAsJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("population", out _)
        );
        Assert.Equal(1, await EventCount());
    }

    [Fact]
    public async Task a_population_for_a_year_that_has_not_ended_is_refused()
    {
        var id = await Register(Botkyrka);
        // The test clock stands in March 2020: the latest year end is 2019-12-31.
        await Post(
            $"/api/municipalities/{id}/populations",
            new
            {
                year = 2020,
                population = 95_000,
                isSample = false,
                version = 1,
            },
            SecretaryToken,
            400
        );
        Fixture.Clock.Set(new DateTimeOffset(2021, 1, 5, 10, 0, 0, TimeSpan.Zero));
        await Post(
            $"/api/municipalities/{id}/populations",
            new
            {
                year = 2020,
                population = 95_000,
                isSample = false,
                version = 1,
            },
            SecretaryToken,
            200
        );
    }

    [Fact]
    public async Task writes_need_a_token_401_and_the_secretary_role_403()
    {
        await Post("/api/municipalities", Botkyrka, null, 401);
        await Post("/api/municipalities", Botkyrka, MemberToken, 403);
        Assert.Equal(0, await EventCount());
    }

    [Fact]
    public async Task an_unknown_municipality_is_404()
    {
        await Post(
            $"/api/municipalities/{Guid.NewGuid()}/representatives",
            new
            {
                personName = "X Y",
                from = "2020-01-01",
                version = 1,
            },
            SecretaryToken,
            404
        );
        await Host.Scenario(s =>
        {
            s.Get.Url($"/api/municipalities/{Guid.NewGuid()}");
            s.StatusCodeShouldBe(404);
        });
    }

    [Fact]
    public async Task a_stale_version_is_refused_with_409_and_the_retry_with_the_new_version_succeeds()
    {
        var id = await Register(Botkyrka);
        await Post(
            $"/api/municipalities/{id}/representatives",
            new
            {
                personName = "Ebba Östlin",
                from = "2019-01-01",
                version = 1,
            },
            SecretaryToken,
            200
        );

        // A second secretary still holds version 1.
        await Post(
            $"/api/municipalities/{id}/directors",
            new
            {
                personName = "Stefan Enström",
                from = "2019-01-01",
                version = 1,
            },
            SecretaryToken,
            409
        );
        Assert.Equal(2, await EventCount());

        await Post(
            $"/api/municipalities/{id}/directors",
            new
            {
                personName = "Stefan Enström",
                from = "2019-01-01",
                version = 2,
            },
            SecretaryToken,
            200
        );
        Assert.Equal(3, await EventCount());
    }

    [Fact]
    public async Task every_event_records_who_acted_and_a_correlation_id()
    {
        await Register(Botkyrka);

        Assert.Equal("Anna Sekreterare", await Scalar<string>("select user_name from governance.mt_events limit 1"));
        Assert.False(
            string.IsNullOrEmpty(await Scalar<string>("select correlation_id from governance.mt_events limit 1"))
        );
        await using var session = Store.QuerySession();
        var registered = (MunicipalityRegistered)(await session.Events.QueryAllRawEvents().ToListAsync()).Single().Data;
        Assert.Equal("Anna Sekreterare", registered.RegisteredBy);
        Assert.Equal(AppFixture.StartOfTests, registered.RegisteredAt);
    }
}
