using Weasel.Postgresql.Tables;

namespace Governance.Distribution;

public sealed partial class Delivery
{
    public const string OpenIndex = "mt_doc_delivery_open";
    public const string AcknowledgedIndex = "mt_doc_delivery_acknowledged";

    /// <summary>
    /// Called by Marten when it maps the document: a partial index of the deliveries not yet acknowledged, where the
    /// open duties are looked for (<see cref="OpenDuties"/>), so finding them never reads what was acknowledged; and
    /// one of those acknowledged, where each open delivery's document and municipality is looked up to tell whether
    /// another channel's delivery of it was acknowledged.
    /// </summary>
    public static void ConfigureMarten(Marten.Schema.DocumentMapping mapping)
    {
        mapping.Indexes.Add(
            new IndexDefinition(OpenIndex)
            {
                Columns = ["document_key", "municipality_code"],
                Predicate = "status <> 'Acknowledged'",
            }
        );
        mapping.Indexes.Add(
            new IndexDefinition(AcknowledgedIndex)
            {
                Columns = ["document_key", "municipality_code"],
                Predicate = "status = 'Acknowledged'",
            }
        );
    }
}
