using System.Security.Cryptography;
using System.Text;

namespace Governance.Infrastructure.Ids;

/// <summary>
/// Name-based (RFC 4122 version 5) ids: the same name gives the same stream id in every installation,
/// and starting a stream that already exists fails, which makes a natural key unique without a race.
/// </summary>
public static class DeterministicGuid
{
    private static readonly Guid Namespace = new("5b6f3d2e-8c41-4b7a-9d2f-0a1e6c3b9f10");

    public static Guid For(string kind, string name)
    {
        var bytes = SHA1.HashData([
            .. Namespace.ToByteArray(bigEndian: true),
            .. Encoding.UTF8.GetBytes($"{kind}:{name}"),
        ]);
        var guid = bytes.AsSpan(0, 16).ToArray();
        guid[6] = (byte)((guid[6] & 0x0F) | 0x50);
        guid[8] = (byte)((guid[8] & 0x3F) | 0x80);
        return new Guid(guid, bigEndian: true);
    }
}
