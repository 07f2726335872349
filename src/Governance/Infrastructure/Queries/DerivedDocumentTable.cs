using System.Data.Common;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;
using Weasel.Postgresql.Tables;
using Weasel.Postgresql.Triggers;

namespace Governance.Infrastructure.Queries;

/// <summary>
/// A table of the product's own with one value per document of a Marten document table, derived in PostgreSQL from
/// the document as it is written (id, then the value's column). Marten cannot give a document table a column of its
/// own making (its schema tool drops columns it does not know), so the table stands beside it, declared to Marten as a
/// schema feature: created and checked by `db-apply`, `db-patch` and the start's schema check like the rest. Triggers
/// on the document table keep it a function of that table, whatever writes it: the commands, a rebuild (which
/// truncates and inserts), a deletion. The trigger that writes it, when it is created (on a store from an earlier
/// version), also fills it from the documents already there: no document goes without its value in between.
/// </summary>
public abstract class DerivedDocumentTable(string identifier, string schema, string table, string documents)
    : FeatureSchemaBase(identifier, new PostgresqlMigrator())
{
    /// <summary>The column holding the derived value.</summary>
    protected abstract string Column { get; }

    /// <summary>The PostgreSQL type of <see cref="Column"/>.</summary>
    protected abstract string ColumnType { get; }

    /// <summary>The value derived from a document's JSON, <paramref name="data"/> (an SQL expression).</summary>
    protected abstract string Derived(string data);

    protected virtual IEnumerable<IndexDefinition> Indexes() => [];

    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        var derived = new Table(Name(table));
        derived.AddColumn<Guid>("id").AsPrimaryKey();
        derived.AddColumn(Column, ColumnType).NotNull();
        foreach (var index in Indexes())
            derived.Indexes.Add(index);
        yield return derived;

        var source = Name(documents);
        var write = Name($"{table}_write");
        yield return TriggerFunction(
            write,
            $"""
              if tg_op = 'DELETE' then
                delete from {schema}.{table} where id = old.id;
                return old;
              end if;
              {Written($"values (new.id, {Derived("new.data")})")}
              return new;
            """
        );
        var clear = Name($"{table}_clear");
        yield return TriggerFunction(
            clear,
            $"""
              truncate {schema}.{table};
              return null;
            """
        );
        var fill = Written($"select id, {Derived("data")} from {source}");
        yield return new DerivingTrigger(Name($"{table}_written"), source, write, fill)
        {
            Timing = TriggerTiming.After,
            Events = TriggerEvents.Insert | TriggerEvents.Update,
        };
        // A trigger of its own: PostgreSQL renders INSERT OR DELETE OR UPDATE, Weasel compares it with INSERT OR
        // UPDATE OR DELETE, and would find the schema changed at every start.
        yield return new DerivingTrigger(Name($"{table}_deleted"), source, write)
        {
            Timing = TriggerTiming.After,
            Events = TriggerEvents.Delete,
        };
        yield return new DerivingTrigger(Name($"{table}_truncated"), source, clear)
        {
            Timing = TriggerTiming.After,
            Events = TriggerEvents.Truncate,
            ForEachRow = false,
        };
    }

    /// <summary>A trigger's function as PostgreSQL reads it back: the schema check finds it unchanged.</summary>
    private static Function TriggerFunction(PostgresqlObjectName name, string body) =>
        new ReplacedInPlace(
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

    /// <summary>
    /// The values of the given rows (id, value) written, each replacing the one before; an unchanged value leaves its
    /// row as it was (no new row version to write and vacuum).
    /// </summary>
    private string Written(string rows) =>
        $"insert into {schema}.{table} (id, {Column}) {rows} "
        + $"on conflict (id) do update set {Column} = excluded.{Column} "
        + $"where {table}.{Column} is distinct from excluded.{Column};";

    private PostgresqlObjectName Name(string name) => new(schema, name, SchemaUtils.IdentifierUsage.General);

    /// <summary>
    /// A trigger's function, changed by an upgrade with `create or replace`. Weasel replaces a function by dropping it
    /// with `cascade`, which drops the triggers that call it too, and the triggers, found unchanged before, are not
    /// created again: the table would silently stop following its documents.
    /// </summary>
    private sealed class ReplacedInPlace(PostgresqlObjectName name, string body) : Function(name, body)
    {
        protected override ISchemaObjectDelta CreateFunctionDelta(FunctionBase? actual) =>
            new Replacing(this, (Function?)actual);

        private sealed class Replacing(Function expected, Function? actual) : FunctionDelta(expected, actual)
        {
            public override void WriteUpdate(Migrator rules, TextWriter writer) =>
                Expected.WriteCreateStatement(rules, writer);
        }
    }

    /// <summary>A trigger of the derived table; the one that writes it also fills the table when created.</summary>
    private sealed class DerivingTrigger(
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
