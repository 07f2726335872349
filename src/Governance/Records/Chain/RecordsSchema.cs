using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Governance.Records.Chain;

/// <summary>
/// The seal of the global order: one row per event in the order it was sealed, each chained to the one before. Kept
/// beside Marten's tables in the same schema; the service only ever inserts into it.
/// </summary>
public static class RecordsSchema
{
    public const string Seal = "record_seal";
    public const string Gaps = "record_seal_gap";
    public const string Origin = "record_chain_origin";

    public static void ConfigureRecords(this StoreOptions options)
    {
        // The minutes' anchors are found by these events' stored type names, known from the start.
        options.Events.AddEventTypes([typeof(Minutes.MinutesApproved), typeof(Minutes.MinutesCorrected)]);
        var schema = options.DatabaseSchemaName;
        var seal = new Table(new PostgresqlObjectName(schema, Seal, SchemaUtils.IdentifierUsage.General));
        seal.AddColumn<long>("position").AsPrimaryKey();
        seal.AddColumn<long>("seq_id").NotNull();
        seal.AddColumn<Guid>("stream_id").NotNull();
        seal.AddColumn<long>("version").NotNull();
        seal.AddColumn("type", "varchar(500)").NotNull();
        seal.AddColumn("event_hash", "varchar(64)").NotNull();
        seal.AddColumn("chain_hash", "varchar(64)").NotNull();
        seal.AddColumn("sealed_at", "timestamp with time zone").NotNull().DefaultValueByExpression("now()");
        seal.Indexes.Add(new IndexDefinition($"ux_{Seal}_seq_id") { Columns = ["seq_id"], IsUnique = true });
        seal.Indexes.Add(new IndexDefinition($"ix_{Seal}_chain_hash") { Columns = ["chain_hash"] });

        // Sequence numbers given out to transactions that had not committed when the sealer passed them by (usually
        // rolled back): an event that commits there later is sealed then, after the others.
        var gaps = new Table(new PostgresqlObjectName(schema, Gaps, SchemaUtils.IdentifierUsage.General));
        gaps.AddColumn<long>("from_seq").AsPrimaryKey();
        gaps.AddColumn<long>("to_seq").NotNull();

        // Events appended before the chain existed carry no hash of their own; the first seal records up to where.
        var origin = new Table(new PostgresqlObjectName(schema, Origin, SchemaUtils.IdentifierUsage.General));
        origin.AddColumn<int>("id").AsPrimaryKey();
        origin.AddColumn<long>("legacy_through").NotNull();
        origin.AddColumn("started_at", "timestamp with time zone").NotNull().DefaultValueByExpression("now()");

        options.Storage.ExtendedSchemaObjects.Add(seal);
        options.Storage.ExtendedSchemaObjects.Add(gaps);
        options.Storage.ExtendedSchemaObjects.Add(origin);
        options.Listeners.Add(new ChainingListener());
        options.RegisterDocumentType<Pdf.MinutesPdfFile>();
    }
}
