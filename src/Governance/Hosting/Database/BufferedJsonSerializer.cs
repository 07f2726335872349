using System.Data.Common;
using Weasel.Storage;

namespace Governance.Hosting.Database;

/// <summary>
/// Marten's System.Text.Json serializer, reading each document from its row in one piece. Marten's asynchronous read
/// streams the JSON through System.Text.Json's resumable reader, which copies its state on every nested object (a
/// meeting's matters, a delivery's attempts): a measurable part of every list's CPU. The row is already in memory
/// (Marten never reads with sequential access), so the synchronous read, which parses the buffered bytes at once,
/// waits for nothing. Everything else is Marten's own serializer, which Marten still sees it as.
/// </summary>
public sealed class BufferedJsonSerializer
    : Marten.Services.SystemTextJsonSerializer,
        Marten.ISerializer,
        IStorageSerializer
{
    ValueTask<T> IStorageSerializer.FromJsonAsync<T>(DbDataReader reader, int index, CancellationToken ct) =>
        new(FromJson<T>(reader, index));

    ValueTask<object> IStorageSerializer.FromJsonAsync(
        Type type,
        DbDataReader reader,
        int index,
        CancellationToken ct
    ) => new(FromJson(type, reader, index));
}
