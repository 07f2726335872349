using Governance.Fees;
using Governance.Hosting.Projections;
using Governance.Tests.Support;
using Npgsql;

namespace Governance.Tests.Operations;

/// <summary>
/// A read model whose stored shape a version changes is built again from the events on upgrading, not left in the old
/// shape until each document is next written (where a rebuild would then give other documents than the store holds).
/// </summary>
public sealed class ReadModelShapeTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public void a_reshaped_read_model_has_an_entry_of_its_shape_which_an_earlier_register_lacks()
    {
        var declared = ReadModelRegister.Declared(Store);

        Assert.Equal("FeeLedger", declared["FeeLedger v2"]);
        Assert.Equal("FeeYear", declared["FeeYear"]);
        Assert.Equal(
            ["FeeLedger v2"],
            ReadModelRegister.ToBuild(["FeeLedger v2", "FeeYear"], new HashSet<string> { "FeeLedger", "FeeYear" }, true)
        );
    }

    [Fact]
    public async Task upgrading_builds_the_fee_ledger_again_in_its_new_shape()
    {
        await GivenReferenceData();
        await Post("/api/fees/2020/invoices", new { version = 2 }, SecretaryToken, 200);
        // As the version before left it: the ledger's document with the years in it, registered by name alone.
        await using var dataSource = NpgsqlDataSource.Create(Fixture.ConnectionString);
        var entries = ReadModelRegister.Declared(Store).Values.ToArray();
        await using (var old = dataSource.CreateBatch())
        {
            old.BatchCommands.Add(
                new("update governance.mt_doc_feeledger set data = data || '{\"InvoiceRuns\": [{\"Year\": 2020}]}'")
            );
            old.BatchCommands.Add(new("delete from governance.read_model"));
            var insert = new NpgsqlBatchCommand("insert into governance.read_model (projection) select unnest($1)");
            insert.Parameters.Add(new NpgsqlParameter { Value = entries });
            old.BatchCommands.Add(insert);
            await old.ExecuteNonQueryAsync();
        }

        var built = await ReadModelRegister.BuildMissingAsync(Store, dataSource, CancellationToken.None);

        Assert.Equal(["FeeLedger v2"], built);
        await using var session = Store.QuerySession();
        var json = await session.Json.FindByIdAsync<FeeLedger>(FeeLedger.TheId);
        Assert.DoesNotContain("InvoiceRuns", json, StringComparison.Ordinal);
        Assert.Equal(3, (await session.LoadAsync<FeeLedger>(FeeLedger.TheId))!.Version);
        Assert.Empty(await ReadModelRegister.BuildMissingAsync(Store, dataSource, CancellationToken.None));
    }
}
