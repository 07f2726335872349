using System.Data.Common;
using Governance.Meetings;
using Marten.Linq.QueryHandlers;
using Weasel.Postgresql;
using Weasel.Storage;

namespace Governance.Records.Pdf;

/// <summary>
/// The PDF kept for the minutes of a meeting at a version, or as they stand (the version read from the meeting's
/// header), with that version: the file's bytes decoded in PostgreSQL and read as bytes. Read as the stored
/// document's JSON, PostgreSQL wrote 144 kB of text for a 108 kB file (1.2–1.4 ms) and the service parsed it back.
/// </summary>
public sealed class KeptPdfQuery(Guid meetingId, int? version = null) : IQueryHandler<KeptPdfQuery.Kept?>
{
    public sealed record Kept(StoredDocument Pdf, int Version);

    /// <summary>The key a PDF is kept under: the meeting and the version of its minutes.</summary>
    public static string Key(Guid meetingId, int version) => $"{meetingId:N}-{version}";

    public void ConfigureCommand(ICommandBuilder builder, IStorageSession session)
    {
        builder.Append($"select {StoredFileQuery.Columns}, k.version from ");
        if (version is { } v)
        {
            builder.Append("(select ");
            builder.AppendParameter(meetingId);
            builder.Append("::uuid as id, ");
            builder.AppendParameter(v);
            builder.Append("::int as version");
        }
        else
        {
            builder.Append(
                "(select h.id, (h.header ->> 'Version')::int as version "
                    + $"from governance.{MeetingHeaderTable.TableName} h where h.id = "
            );
            builder.AppendParameter(meetingId);
        }
        // The file's key as Key writes it.
        builder.Append(
            ") k join governance.mt_doc_minutespdffile f "
                + "on f.id = replace(k.id::text, '-', '') || '-' || k.version::text "
                + "join governance.mt_doc_storeddocument s on s.id = f.data ->> 'Sha256'"
        );
    }

    public async Task<Kept?> HandleAsync(DbDataReader reader, IStorageSession session, CancellationToken token)
    {
        if (!await reader.ReadAsync(token))
            return null;
        return new Kept(await StoredFileQuery.ReadAsync(reader, token), reader.GetInt32(3));
    }

    public Task<int> StreamJson(Stream stream, DbDataReader reader, CancellationToken token) =>
        throw new NotSupportedException("A kept PDF is read as bytes, not streamed as JSON.");
}
