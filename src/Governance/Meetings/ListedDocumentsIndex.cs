using Weasel.Postgresql.Tables;

namespace Governance.Meetings;

public sealed partial class Meeting
{
    /// <summary>The checksums of the documents a meeting's agenda lists, as a JSON array.</summary>
    public const string ListedDocuments = "jsonb_path_query_array(data, '$.Agenda[*].Documents[*].Sha256')";

    /// <summary>
    /// Called by Marten when it maps the document: a GIN index of the listed documents' checksums only, so a
    /// document's meetings are found by it (whether it is public) without reading every meeting.
    /// </summary>
    public static void ConfigureMarten(Marten.Schema.DocumentMapping mapping) =>
        mapping.Indexes.Add(new IndexDefinition("mt_doc_meeting_listed_documents")
        {
            Columns = [$"({ListedDocuments})"],
            Method = IndexMethod.gin,
        });
}
