using Governance.Decisions;
using Governance.Infrastructure.Queries;
using Governance.Meetings;
using Governance.Tests.Support;
using Npgsql;
using Weasel.Core;

namespace Governance.Tests.Operations;

/// <summary>
/// The tables derived from documents follow them whatever writes them: the search's stored vectors a new decision, a
/// corrected one, a deleted one, and a table emptied at once (as a rebuild does); the meetings' headers each meeting as
/// it is written.
/// </summary>
public sealed class DerivedDocumentTableTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Stored = $"select vector::text from governance.{DecisionSearchSchema.TableName} where id = ";

    private static DecisionRecord Record(Guid id, string lexemes) =>
        new()
        {
            Id = id,
            MeetingId = Guid.NewGuid(),
            MeetingDate = new DateOnly(2024, 3, 1),
            Year = 2024,
            Lexemes = lexemes,
        };

    [Fact]
    public async Task a_decision_written_corrected_and_deleted_has_its_vector_written_replaced_and_removed()
    {
        var (id, other) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var session = Store.LightweightSession())
        {
            session.Store(Record(id, "trafik plan"), Record(other, "budget"));
            await session.SaveChangesAsync();
        }
        Assert.Equal("'plan':2 'trafik':1", await Scalar<string>($"{Stored}'{id}'"));

        await using (var session = Store.LightweightSession())
        {
            session.Store(Record(id, "cykel plan"));
            await session.SaveChangesAsync();
        }
        Assert.Equal("'cykel':1 'plan':2", await Scalar<string>($"{Stored}'{id}'"));

        await using (var session = Store.LightweightSession())
        {
            session.Delete<DecisionRecord>(id);
            await session.SaveChangesAsync();
        }
        Assert.Null(await Scalar<string>($"{Stored}'{id}'"));
        Assert.Equal("'budget':1", await Scalar<string>($"{Stored}'{other}'"));
    }

    [Fact]
    public async Task the_history_emptied_at_once_empties_the_vectors_too()
    {
        await using (var session = Store.LightweightSession())
        {
            session.Store(Record(Guid.NewGuid(), "trafik"));
            await session.SaveChangesAsync();
        }
        Assert.Equal(1L, await Scalar<long>($"select count(*) from governance.{DecisionSearchSchema.TableName}"));

        await Scalar<object>("truncate governance.mt_doc_decisionrecord");

        Assert.Equal(0L, await Scalar<long>($"select count(*) from governance.{DecisionSearchSchema.TableName}"));
    }

    [Fact]
    public async Task a_meeting_written_has_its_header_written_without_what_was_recorded_at_it()
    {
        var id = Guid.NewGuid();
        await using (var session = Store.LightweightSession())
        {
            session.Store(
                new Meeting
                {
                    Id = id,
                    Date = new DateOnly(2024, 3, 1),
                    Matters =
                    [
                        new(Guid.NewGuid(), "Trafikplan", null, "beslut", "0181", "x", default, default, null),
                    ],
                }
            );
            await session.SaveChangesAsync();
        }
        var header = $"select header from governance.{MeetingHeaderTable.TableName} where id = '{id}'";
        Assert.Equal("2024-03-01", await Scalar<string>($"select ({header}) ->> 'Date'"));
        Assert.False(await Scalar<bool>($"select ({header}) ? 'Matters'"));
        Assert.Contains(
            "Trafikplan",
            await Scalar<string>($"select data::text from governance.mt_doc_meeting where id = '{id}'"),
            StringComparison.Ordinal
        );
    }

    public static TheoryData<string, string> SchemasAndPaths =>
        new()
        {
            { DecisionSearchSchema.TableName, "public" },
            // As for a database user named like the schema ("$user").
            { DecisionSearchSchema.TableName, "governance" },
            { MeetingHeaderTable.TableName, "public" },
            { MeetingHeaderTable.TableName, "governance" },
        };

    [Theory]
    [MemberData(nameof(SchemasAndPaths))]
    public async Task the_schema_reads_back_unchanged_whether_or_not_its_schema_is_on_the_search_path(
        string table,
        string path
    )
    {
        var connection = new NpgsqlConnectionStringBuilder(Fixture.ConnectionString) { SearchPath = path };
        await using var database = new NpgsqlConnection(connection.ConnectionString);
        await database.OpenAsync();

        DerivedDocumentTable derived = table == DecisionSearchSchema.TableName
            ? new DecisionSearchSchema("governance")
            : new MeetingHeaderTable("governance");
        var parts = derived.Objects.OfType<SchemaObjectBase>().ToList();
        Assert.True(parts.Count >= 5, "The triggers and their functions are read back.");
        foreach (var part in parts)
            Assert.Equal(SchemaPatchDifference.None, (await part.FindDeltaAsync(database)).Difference);
    }
}
