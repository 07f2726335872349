using Governance.Decisions;
using Governance.Hosting.Projections;
using Governance.Meetings;
using Governance.Scenarios;
using Governance.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Governance.Tests.Operations;

/// <summary>
/// Every read model is a function of the events: a recorded year's documents, rebuilt from the events by Marten's
/// daemon, come out exactly as the commands wrote them, table by table and document by document.
/// </summary>
public sealed class RebuildTests
{
    private const int Year = 2024;
    private static readonly TestClock Clock = new(new DateTimeOffset(Year + 1, 1, 20, 10, 0, 0, TimeSpan.FromHours(1)));

    [Fact]
    public async Task a_rebuild_of_every_projection_reproduces_every_read_model_of_a_recorded_year()
    {
        using var smtp = new TestSmtpServer();
        smtp.Start();
        var database = await TestDatabase.FreshDatabaseAsync("governance_rebuild_tests");
        await using var host = await ServiceHost.StartAsync(
            Clock,
            database,
            smtp,
            new Dictionary<string, string?> { ["Governance:ApplySchemaOnStart"] = "true" }
        );
        await CommitteeYear.RecordAsync(host.Service.Client, RunningService.Tokens, Year);
        await host.Service.WaitUntilDistributedAsync();
        var before = await ReadModelTables.SnapshotAsync(database);

        await ProjectionRebuild.RebuildAllAsync(host.Services.GetRequiredService<IDocumentStore>(), default);
        var after = await ReadModelTables.SnapshotAsync(database);

        string[] compared =
        [
            "mt_doc_meeting",
            "mt_doc_decisionrecord",
            "mt_doc_delivery",
            DecisionSearchSchema.TableName,
            MeetingHeaderTable.TableName,
        ];
        foreach (var table in compared)
            Assert.True(
                before.TryGetValue(table, out var rows) && rows.Count >= 5,
                $"Too little in {table} to compare."
            );
        Assert.True(
            before.TryGetValue("mt_doc_documentlisting", out var listings) && listings.Count >= 1,
            "No document listed to compare."
        );
        var difference = ReadModelTables.FirstDifference(before, after);
        Assert.True(difference is null, $"Rebuilt, {difference}");
    }

    [Fact]
    public async Task a_service_applying_its_own_schema_builds_at_its_start_the_read_models_the_store_lacks()
    {
        using var smtp = new TestSmtpServer();
        smtp.Start();
        var database = await TestDatabase.FreshDatabaseAsync("governance_new_read_model_tests");
        var settings = new Dictionary<string, string?> { ["Governance:ApplySchemaOnStart"] = "true" };
        SortedDictionary<string, SortedDictionary<string, string>> before;
        await using (var host = await ServiceHost.StartAsync(Clock, database, smtp, settings))
        {
            await CommitteeYear.RecordAsync(host.Service.Client, RunningService.Tokens, Year);
            await host.Service.WaitUntilDistributedAsync();
            before = await ReadModelTables.SnapshotAsync(database);
        }
        Assert.True(before["mt_doc_documentlisting"].Count >= 1, "No document listed to compare.");

        // As a version adding the listing finds the store: its table empty, its name not in the register.
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var forget = new NpgsqlCommand(UnbuiltReadModel.ForgetDocumentListing, connection);
            await forget.ExecuteNonQueryAsync();
        }
        await using (await ServiceHost.StartAsync(Clock, database, smtp, settings))
        {
            var difference = ReadModelTables.FirstDifference(before, await ReadModelTables.SnapshotAsync(database));
            Assert.True(difference is null, $"Started, {difference}");
        }
    }
}
