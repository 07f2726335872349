using System.Data.Common;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;
using Weasel.Postgresql.Tables;
using Weasel.Postgresql.Triggers;

namespace Governance.Decisions;

/// <summary>
/// The search's stored vector: each decision's lexemes analysed once, when it is written, in a table of the product's
/// own beside the decision history. Matched through an expression index instead, every row a page passes along the
/// date index was analysed again (`to_tsvector`, about 15–55 µs a row); Marten cannot give a document table a
/// `tsvector` column (its schema tool drops columns it does not know). Triggers on the history keep the table a
/// function of it, whatever writes it: the commands, a rebuild (which truncates and inserts), a deletion.
/// </summary>
public sealed class DecisionSearchSchema(string schema) : FeatureSchemaBase("DecisionSearch", new PostgresqlMigrator())
{
    public const string TableName = "decision_search";

    /// <summary>The stored vector of a decision `d` (the history's alias), as the search matches it.</summary>
    public const string Vector = "s.vector";

    /// <summary>The join that gives a decision `d` its stored vector `s`.</summary>
    public static string Join(string schema) => $"join {schema}.{TableName} s on s.id = d.id";

    public override IEnumerable<Type> DependentTypes() => [typeof(DecisionRecord)];

    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        var table = new Table(new PostgresqlObjectName(schema, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn("vector", "tsvector").NotNull();
        var words = new IndexDefinition($"ix_{TableName}_vector") { Columns = ["vector"], Method = IndexMethod.gin };
        table.Indexes.Add(words);
        yield return table;

        var records = Name("mt_doc_decisionrecord");
        var write = Name("decision_search_write");
        yield return TriggerFunction(
            write,
            $"""
              if tg_op = 'DELETE' then
                delete from {schema}.{TableName} where id = old.id;
                return old;
              end if;
              {Written($"values (new.id, {Analysed("new.data")})")}
              return new;
            """
        );
        var clear = Name("decision_search_clear");
        yield return TriggerFunction(
            clear,
            $"""
              truncate {schema}.{TableName};
              return null;
            """
        );
        var fill = Written($"select id, {Analysed("data")} from {records}");
        yield return new SearchTrigger(Name("decision_search_written"), records, write, fill)
        {
            Timing = TriggerTiming.After,
            Events = TriggerEvents.Insert | TriggerEvents.Update,
        };
        // A trigger of its own: PostgreSQL renders INSERT OR DELETE OR UPDATE, Weasel compares it with INSERT OR
        // UPDATE OR DELETE, and would find the schema changed at every start.
        yield return new SearchTrigger(Name("decision_search_deleted"), records, write)
        {
            Timing = TriggerTiming.After,
            Events = TriggerEvents.Delete,
        };
        yield return new SearchTrigger(Name("decision_search_truncated"), records, clear)
        {
            Timing = TriggerTiming.After,
            Events = TriggerEvents.Truncate,
            ForEachRow = false,
        };
    }

    /// <summary>A trigger's function as PostgreSQL reads it back: the schema check finds it unchanged.</summary>
    private static Function TriggerFunction(PostgresqlObjectName name, string body) =>
        new(
            name,
            $"""
            CREATE OR REPLACE FUNCTION {name.QualifiedName}()
             RETURNS trigger
             LANGUAGE plpgsql
            AS $function$
            begin
            {body}
            end;
            $function$;
            """
        );

    /// <summary>The vectors of the given rows (id, vector) written, each replacing the one before.</summary>
    private string Written(string rows) =>
        $"insert into {schema}.{TableName} (id, vector) {rows} "
        + "on conflict (id) do update set vector = excluded.vector;";

    private static string Analysed(string data) => $"to_tsvector('simple'::regconfig, {data} ->> 'Lexemes')";

    private PostgresqlObjectName Name(string name) => new(schema, name, SchemaUtils.IdentifierUsage.General);

    /// <summary>
    /// A trigger of the search's table. The one that writes it, when it is created (the first time, on a store from an
    /// earlier version), also fills the table with every decision written before: none goes unsearchable in between.
    /// </summary>
    private sealed class SearchTrigger(
        DbObjectName name,
        DbObjectName target,
        DbObjectName function,
        string? fill = null
    ) : Trigger(name, target, $"{function.QualifiedName}()")
    {
        public override void WriteCreateStatement(Migrator migrator, TextWriter writer)
        {
            base.WriteCreateStatement(migrator, writer);
            if (fill is not null)
                writer.WriteLine(fill);
        }

        /// <summary>
        /// PostgreSQL leaves the function's schema out of the trigger's definition when that schema is on the search
        /// path (as it is for a database user named like it): the same trigger, not a changed one.
        /// </summary>
        public override async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct)
        {
            var definition = await reader.ReadAsync(ct) && !await reader.IsDBNullAsync(0, ct)
                ? await reader.GetFieldValueAsync<string>(0, ct)
                : null;
            if (definition is null)
                return new SchemaObjectDelta(this, SchemaPatchDifference.Create);
            var qualified = definition.Replace($"FUNCTION {function.Name}(", $"FUNCTION {function.QualifiedName}(");
            return new SchemaObjectDelta(
                this,
                Matches(qualified) ? SchemaPatchDifference.None : SchemaPatchDifference.Update
            );
        }
    }
}
