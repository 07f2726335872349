using System.Text.Json;
using Alba;
using Governance.Municipalities;
using Governance.Offices;
using Governance.ReferenceData;
using Governance.Tests.Support;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Governance.Tests.Hosting;

public class HostHttpTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task health_live_and_ready_answer_200_when_the_database_answers()
    {
        await Host.Scenario(s =>
        {
            s.Get.Url("/health/live");
            s.StatusCodeShouldBeOk();
        });
        await Host.Scenario(s =>
        {
            s.Get.Url("/health/ready");
            s.StatusCodeShouldBeOk();
        });
    }

    [Fact]
    public async Task the_openapi_document_names_each_operation_after_its_command_or_query()
    {
        var document = await Get<JsonElement>("/openapi/v1.json");
        var operationIds = document
            .GetProperty("paths")
            .EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject())
            .Select(op => op.Value.GetProperty("operationId").GetString())
            .ToHashSet();

        string[] expected =
        [
            "RegisterMunicipality",
            "GetMunicipalities",
            "GetMunicipality",
            "RecordPopulation",
            "NameRepresentative",
            "NameDirector",
            "AppointChair",
            "AppointViceChair",
            "GetOfficeHolders",
        ];
        Assert.Subset(operationIds, expected.ToHashSet<string?>());
    }

    [Fact]
    public async Task the_browsable_api_page_is_served()
    {
        var page = await Host.Scenario(s =>
        {
            s.Get.Url("/api-docs/");
            s.StatusCodeShouldBeOk();
        });
        Assert.Contains("<html", page.ReadAsText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task unknown_routes_get_problem_details()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/api/nothing-here");
            s.StatusCodeShouldBe(404);
        });
        Assert.Equal("application/problem+json", result.Context.Response.ContentType);
    }

    [Fact]
    public async Task malformed_json_is_a_400_and_writes_nothing()
    {
        await Host.Scenario(s =>
        {
            s.Post.Text("{ \"code\": ").ToUrl("/api/municipalities");
            s.WithRequestHeader("Content-Type", "application/json");
            s.WithBearerToken(SecretaryToken);
            s.StatusCodeShouldBe(400);
        });
        Assert.Equal(0, await EventCount());
    }

    [Fact]
    public void a_start_given_options_only_is_the_plain_start_without_the_command_lines_search()
    {
        // The test host starts the service with options (--environment …), as an operator may (--urls …). Started
        // through the command line, its search for commands loads every assembly in the folder, the Visual Basic
        // compiler among them, which nothing else here uses.
        Assert.NotNull(Host.Services.GetService<IDocumentStore>());
        var loaded = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).ToHashSet();
        Assert.DoesNotContain("Microsoft.CodeAnalysis.VisualBasic", loaded);
    }

    [Fact]
    public async Task the_reference_data_fills_an_empty_store_once()
    {
        await GivenReferenceData();
        await GivenReferenceData(); // not empty any more: nothing added

        var municipalities = await Get<List<MunicipalitySummary>>("/api/municipalities");
        Assert.Equal(
            ["0126", "0127", "0128", "0136", "0138", "0140", "0181", "0192"],
            municipalities.Select(m => m.Code).Order(StringComparer.Ordinal)
        );
        Assert.Equal(503_200, municipalities.Sum(m => m.LatestPopulation!.Population));
        Assert.All(municipalities, m => Assert.True(m.LatestPopulation!.IsSample));

        var holders = await Get<OfficeHolders>("/api/office-holders?on=2020-04-02");
        Assert.Equal("Daniel Dronjak", holders.Holders.Single(h => h.Office == Office.CommitteeChair).PersonName);
        Assert.Equal("Boel Godner", holders.Holders.Single(h => h.Office == Office.CommitteeViceChair).PersonName);
        Assert.Equal(
            "Rickard Sundbom",
            holders.Holders.Single(h => h.Office == Office.ManagementGroupChair).PersonName
        );
        Assert.Equal(8 * 2 + 3 + 1 + 3 + 14 + 2 + 2 + 3, await EventCount());
    }

    [Fact]
    public async Task the_reference_data_can_be_turned_off()
    {
        await ReferenceDataLoaderFor(load: false).StartAsync(CancellationToken.None);
        Assert.Equal(0, await EventCount());
    }

    private ReferenceDataLoader ReferenceDataLoaderFor(bool load) =>
        new(
            Host.Services.GetRequiredService<IDocumentStore>(),
            Host.Services.GetRequiredService<NpgsqlDataSource>(),
            new ConfigurationBuilder()
                .AddInMemoryCollection([new("Governance:LoadReferenceData", load.ToString())])
                .Build(),
            Fixture.Clock,
            NullLogger<ReferenceDataLoader>.Instance
        );
}
