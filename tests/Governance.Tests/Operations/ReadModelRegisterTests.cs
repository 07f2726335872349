using Governance.Hosting.Projections;

namespace Governance.Tests.Operations;

/// <summary>Which read models are built from the events when a schema is applied.</summary>
public sealed class ReadModelRegisterTests
{
    private static readonly string[] Declared = ["Agreement", "DocumentListing", "Meeting"];

    [Fact]
    public void an_upgraded_store_builds_the_read_models_it_has_never_had()
    {
        var built = ReadModelRegister.ToBuild(Declared, new HashSet<string> { "Agreement", "Meeting" }, true);

        Assert.Equal(["DocumentListing"], built);
    }

    [Fact]
    public void a_store_from_before_the_register_builds_every_read_model_once()
    {
        Assert.Equal(Declared, ReadModelRegister.ToBuild(Declared, new HashSet<string>(), true));
    }

    [Fact]
    public void a_new_database_has_no_events_to_build_from()
    {
        Assert.Empty(ReadModelRegister.ToBuild(Declared, new HashSet<string>(), false));
    }

    [Fact]
    public void a_store_with_every_read_model_builds_none()
    {
        Assert.Empty(ReadModelRegister.ToBuild(Declared, new HashSet<string>(Declared), true));
    }

    [Theory]
    [InlineData("db-apply")]
    [InlineData("db-apply -d marten://store/")]
    [InlineData("db-apply --database=marten://store/")]
    [InlineData("db-apply --database governance")]
    public void db_apply_of_the_document_store_builds_its_read_models(string command)
    {
        Assert.True(ReadModelRegister.AppliedDocumentStore(command.Split(' ')));
    }

    [Theory]
    [InlineData("db-apply -d wolverine://messages/main")]
    [InlineData("db-apply --database wolverine://messages/main")]
    [InlineData("db-apply --database=WOLVERINE://messages/main")]
    public void db_apply_of_the_message_store_alone_builds_no_read_model(string command)
    {
        Assert.False(ReadModelRegister.AppliedDocumentStore(command.Split(' ')));
    }
}
