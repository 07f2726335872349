using Weasel.Postgresql.Tables;

namespace Governance.Distribution;

public sealed partial class Delivery
{
    public const string OpenIndex = "mt_doc_delivery_open";
    public const string OldestOpenIndex = "mt_doc_delivery_open_oldest";

    /// <summary>
    /// Called by Marten when it maps the document: a partial index of the deliveries not yet acknowledged by document
    /// and municipality, where the open duties are counted (<see cref="OpenDuties"/>), so finding them never reads what
    /// was acknowledged.
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
    }

    /// <summary>
    /// The index of the duplicated request time holds only the deliveries not yet acknowledged: the oldest duties are
    /// listed along it; no screen orders the archive by it.
    /// </summary>
    public static void OldestOpen(Marten.Schema.DocumentIndex index)
    {
        index.Name = OldestOpenIndex;
        index.Predicate = "status <> 'Acknowledged'";
    }
}
