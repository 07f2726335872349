using System.Data.Common;
using Governance.Meetings;
using Marten.Linq.QueryHandlers;
using Weasel.Postgresql;
using Weasel.Storage;

namespace Governance.Records.Pdf;

/// <summary>
/// The PDF kept for a version of the minutes, by its key: the file's bytes decoded in PostgreSQL and read as bytes.
/// Read as the stored document's JSON, PostgreSQL wrote 144 kB of text for a 108 kB file (1.2–1.4 ms) and the service
/// parsed it back.
/// </summary>
public sealed class KeptPdfQuery(string key) : IQueryHandler<StoredDocument?>
{
    public void ConfigureCommand(ICommandBuilder builder, IStorageSession session)
    {
        builder.Append(
            "select s.id, s.data ->> 'ContentType', decode(s.data ->> 'Content', 'base64') "
                + "from governance.mt_doc_storeddocument s where s.id = "
                + "(select data ->> 'Sha256' from governance.mt_doc_minutespdffile where id = "
        );
        builder.AppendParameter(key);
        builder.Append(")");
    }

    public async Task<StoredDocument?> HandleAsync(
        DbDataReader reader,
        IStorageSession session,
        CancellationToken token
    )
    {
        if (!await reader.ReadAsync(token))
            return null;
        var content = await reader.GetFieldValueAsync<byte[]>(2, token);
        return new StoredDocument
        {
            Id = reader.GetString(0),
            ContentType = reader.GetString(1),
            Size = content.Length,
            Content = content,
        };
    }

    public Task<int> StreamJson(Stream stream, DbDataReader reader, CancellationToken token) =>
        throw new NotSupportedException("A kept PDF is read as bytes, not streamed as JSON.");
}
