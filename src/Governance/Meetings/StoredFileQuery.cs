using System.Data.Common;
using Marten.Linq.QueryHandlers;
using Weasel.Postgresql;
using Weasel.Storage;

namespace Governance.Meetings;

/// <summary>
/// A stored file by its checksum, in a batch of queries: its bytes decoded in PostgreSQL and read as bytes, one array
/// of the file's size. Loaded as its document, the service would parse the JSON and its base64 text too (127 MB
/// allocated for a 25 MB file).
/// </summary>
public sealed class StoredFileQuery(string sha256) : IQueryHandler<StoredDocument?>
{
    /// <summary>A stored document's (s) content type, in SQL.</summary>
    public const string ContentType = "s.data ->> 'ContentType'";

    /// <summary>A stored document's (s) bytes, decoded by PostgreSQL from the JSON's base64.</summary>
    public const string Content = "decode(s.data ->> 'Content', 'base64')";

    /// <summary>The columns <see cref="ReadAsync"/> reads, of the stored document as s, from the first.</summary>
    public const string Columns = $"s.id, {ContentType}, {Content}";

    public void ConfigureCommand(ICommandBuilder builder, IStorageSession session)
    {
        builder.Append($"select {Columns} from governance.mt_doc_storeddocument s where s.id = ");
        builder.AppendParameter(sha256);
    }

    public async Task<StoredDocument?> HandleAsync(
        DbDataReader reader,
        IStorageSession session,
        CancellationToken token
    ) => await reader.ReadAsync(token) ? await ReadAsync(reader, token) : null;

    /// <summary>The file from the row the reader stands on, its <see cref="Columns"/> first.</summary>
    public static async Task<StoredDocument> ReadAsync(DbDataReader reader, CancellationToken token)
    {
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
        throw new NotSupportedException("A stored file is read as bytes, not streamed as JSON.");
}
