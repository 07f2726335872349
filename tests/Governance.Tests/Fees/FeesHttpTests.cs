using System.Text.Json;
using Alba;
using Governance.Fees;
using Governance.Projects;
using Governance.Tests.Support;

namespace Governance.Tests.Fees;

public class FeesHttpTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task the_2020_fee_schedule_from_the_reference_data_totals_exactly_2_012_800()
    {
        await GivenReferenceData();
        var schedule = await Get<FeeScheduleView>("/api/fees/2020");
        Assert.Equal(2_012_800m, schedule.Total);
        Assert.Equal(8, schedule.Lines.Count);
        Assert.All(schedule.Lines, l => Assert.Equal(4m * l.Population, l.Fee));
        Assert.Equal(new DateOnly(2020, 3, 15), schedule.DueOn);

        var json = await Get<JsonElement>("/api/fees/2020");
        Assert.Equal(2012800, json.GetProperty("total").GetDecimal());
        var line = json.GetProperty("lines")[0];
        Assert.True(
            line.TryGetProperty("code", out _)
                && line.TryGetProperty("population", out _)
                && line.TryGetProperty("fee", out _)
        );
    }

    [Fact]
    public async Task a_year_out_of_bounds_is_a_400_naming_the_year_not_a_failure()
    {
        await GivenReferenceData();
        var reads = new[]
        {
            "/api/fees/0",
            "/api/fees/99999",
            "/api/meetings?year=0",
            "/api/meetings?year=9999",
            "/api/decisions?year=0",
            "/api/decisions?year=99999",
        };
        foreach (var read in reads)
        {
            var answer = await Host.Scenario(s =>
            {
                s.Get.Url(read);
                s.StatusCodeShouldBe(400);
            });
            var errors = answer.ReadAsJson<JsonElement>().GetProperty("errors");
            var year = errors.GetProperty("year")[0].GetString();
            Assert.Contains("mellan 1971 och 2200", year, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task invoices_payments_and_overdue_fees()
    {
        await GivenReferenceData();
        var issued = await Post("/api/fees/2020/invoices", new { version = 2 }, SecretaryToken, 200);
        var version = (await issued.ReadAsJsonAsync<FeeLedgerChanged>())!.Version;
        var again = await Post("/api/fees/2020/invoices", new { version }, SecretaryToken, 409);
        Assert.Equal(FeeRules.Fee, again.ReadAsJson<JsonElement>().GetProperty("rule").GetString());

        // Payments are dated today at the latest.
        Fixture.Clock.Set(new DateTimeOffset(2020, 3, 10, 16, 0, 0, TimeSpan.FromHours(1)));
        await Post(
            "/api/fees/2020/payments",
            new
            {
                municipalityCode = "0126",
                amount = 452_000m,
                paidOn = "2020-03-10",
                version,
            },
            SecretaryToken,
            200
        );
        var over = await Post(
            "/api/fees/2020/payments",
            new
            {
                municipalityCode = "0140",
                amount = 50_000m,
                paidOn = "2020-03-10",
                version = version + 1,
            },
            SecretaryToken,
            409
        );
        Assert.Equal(FeeRules.Fee, over.ReadAsJson<JsonElement>().GetProperty("rule").GetString());

        var beforeDue = await Get<FeeScheduleView>("/api/fees/2020");
        Assert.True(beforeDue.Invoiced);
        Assert.DoesNotContain(beforeDue.Lines, l => l.Overdue);
        Assert.Equal(0m, beforeDue.Lines.Single(l => l.Code == "0126").Outstanding);

        Fixture.Clock.Set(new DateTimeOffset(2020, 3, 16, 9, 0, 0, TimeSpan.FromHours(1)));
        var afterDue = await Get<FeeScheduleView>("/api/fees/2020");
        Assert.Equal(7, afterDue.Lines.Count(l => l.Overdue));
        Assert.False(afterDue.Lines.Single(l => l.Code == "0126").Overdue);
        Assert.StartsWith("SSK-2020-", afterDue.Lines[0].InvoiceNumber, StringComparison.Ordinal);
    }

    [Fact]
    public async Task each_fee_year_is_a_document_of_its_own_and_the_ledger_keeps_only_the_rules()
    {
        await GivenReferenceData();
        var ledgerBefore = await LedgerJsonAsync();
        var issued = await Post("/api/fees/2020/invoices", new { version = 2 }, SecretaryToken, 200);
        var version = (await issued.ReadAsJsonAsync<FeeLedgerChanged>())!.Version;
        Fixture.Clock.Set(new DateTimeOffset(2020, 3, 10, 16, 0, 0, TimeSpan.FromHours(1)));
        var paid = await Post(
            "/api/fees/2020/payments",
            new
            {
                municipalityCode = "0126",
                amount = 1_000m,
                paidOn = "2020-03-10",
                version,
            },
            SecretaryToken,
            200
        );

        // The year's invoices and payment are the year's document; the ledger's document is as it was, the rules.
        await using (var session = Store.QuerySession())
        {
            var year = await session.LoadAsync<FeeYear>(2020);
            Assert.Equal(8, year!.Invoices!.Invoices.Count);
            Assert.Equal(1_000m, year.PaidBy("0126"));
            Assert.Null(await session.LoadAsync<FeeYear>(2021));
        }
        var ledgerAfter = await LedgerJsonAsync();
        Assert.Equal(ledgerBefore.GetProperty("Rules").GetRawText(), ledgerAfter.GetProperty("Rules").GetRawText());
        Assert.Equal(
            ["Id", "Rules", "Version"],
            ledgerAfter.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)
        );

        // The schedule offers the ledger's version after every act, for the next command to expect.
        var schedule = await Get<FeeScheduleView>("/api/fees/2020");
        Assert.Equal((await paid.ReadAsJsonAsync<FeeLedgerChanged>())!.Version, schedule.Version);
        Assert.Equal(1_000m, schedule.Lines.Single(l => l.Code == "0126").Paid);
    }

    private async Task<JsonElement> LedgerJsonAsync()
    {
        await using var session = Store.QuerySession();
        var json = await session.Json.FindByIdAsync<FeeLedger>(FeeLedger.TheId);
        return JsonDocument.Parse(json!).RootElement.Clone();
    }

    [Fact]
    public async Task a_withdrawn_party_pays_for_the_years_it_was_a_member_only()
    {
        await GivenReferenceData();
        Fixture.Clock.Set(new DateTimeOffset(2020, 6, 15, 16, 0, 0, TimeSpan.FromHours(2))); // the notice is received
        await Post(
            "/api/agreement/termination-notices",
            new
            {
                municipalityCode = "0140",
                councilDecisionOn = "2020-05-17",
                councilDecisionReference = "KF §1",
                receivedOn = "2020-06-15",
                version = 1,
            },
            SecretaryToken,
            200
        );
        Fixture.Clock.Set(new DateTimeOffset(2022, 1, 10, 9, 0, 0, TimeSpan.Zero));
        var csv =
            "0127;Botkyrka;95000\n0136;Haninge;92000\n0126;Huddinge;114000\n0140;Nykvarn;11200\n"
            + "0192;Nynäshamn;28700\n0128;Salem;17400\n0181;Södertälje;99500\n0138;Tyresö;49000";
        await Post("/api/populations/import", new { year = 2020, csv }, SecretaryToken, 200);

        // Nykvarn withdraws from 2021-07-01: a member on 1 January 2021 (pays 2021), not in 2022.
        var fees2021 = await Get<FeeScheduleView>("/api/fees/2021");
        Assert.Equal(4m * 11_200, fees2021.Lines.Single(l => l.Code == "0140").Fee);
        var fees2022 = await Get<FeeScheduleView>("/api/fees/2022");
        Assert.DoesNotContain(fees2022.Lines, l => l.Code == "0140");
        Assert.Contains("2021-12-31", Assert.Single(fees2022.Missing.Take(1)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_population_import_with_one_bad_row_writes_nothing()
    {
        await GivenReferenceData();
        Fixture.Clock.Set(new DateTimeOffset(2021, 1, 10, 9, 0, 0, TimeSpan.Zero));
        await WaitUntilQuietAsync(); // an earlier test's deliveries may still record their outcomes
        var before = await EventCount();
        var refused = await Post(
            "/api/populations/import",
            new
            {
                year = 2020,
                csv = "0127;Botkyrka;95000\n0136;Haninge;-1\n0180;Stockholm;975000\n0126;Hudinge;114000",
            },
            SecretaryToken,
            400
        );
        var errors = refused.ReadAsJson<JsonElement>().GetProperty("errors");
        Assert.Equal(["csv[2]", "csv[3]", "csv[4]"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(before, await EventCount());
        await Post("/api/populations/import", new { year = 2020, csv = "0127;Botkyrka;95000" }, MemberToken, 403);
    }

    [Fact]
    public async Task a_special_project_splits_its_cost_by_population_among_those_taking_part()
    {
        await GivenReferenceData();
        Fixture.Clock.Set(new DateTimeOffset(2020, 6, 4, 16, 0, 0, TimeSpan.FromHours(2))); // the committee decides it
        var created = await Post(
            "/api/special-projects",
            new
            {
                name = "Gemensam mässmonter",
                cost = 100_000.01m,
                participants = new[] { "0127", "0128", "0138" },
                decidedOn = "2020-06-04",
                decisionReference = "Minnesanteckningar 2020-06-04 §5",
            },
            SecretaryToken,
            201
        );
        var id = (await created.ReadAsJsonAsync<JsonElement>()).GetProperty("value").GetGuid();
        var project = await Get<SpecialProject>($"/api/special-projects/{id}", MemberToken);
        Assert.Equal(100_000.01m, project.Shares.Sum(s => s.Amount));
        Assert.Equal(["0127", "0128", "0138"], project.Shares.Select(s => s.MunicipalityCode));
        Assert.Equal(2019, project.PopulationYear);
        Assert.True(
            project.Shares[0].Amount > project.Shares[2].Amount && project.Shares[2].Amount > project.Shares[1].Amount
        );

        var all = await Post(
            "/api/special-projects",
            new
            {
                name = "Alla",
                cost = 1_000m,
                decidedOn = "2020-06-04",
                decisionReference = "§6",
            },
            SecretaryToken,
            201
        );
        Assert.NotNull(all);
        var outsider = await Post(
            "/api/special-projects",
            new
            {
                name = "X",
                cost = 1_000m,
                participants = new[] { "0180" },
                decidedOn = "2020-06-04",
                decisionReference = "§6",
            },
            SecretaryToken,
            409
        );
        Assert.Equal(StartSpecialProject.Rule, outsider.ReadAsJson<JsonElement>().GetProperty("rule").GetString());
    }
}
