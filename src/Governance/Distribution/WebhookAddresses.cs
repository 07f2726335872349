using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Governance.Distribution;

/// <summary>
/// Where a webhook may point. The service posts documents to an address the secretary types in, from inside the
/// municipalities' network: without a rule, that address could be the service's own database, a cloud metadata
/// endpoint (169.254.169.254) or any machine behind the firewall. So: HTTPS to the internet only; in Development also
/// plain HTTP to this machine, where the tests' and a developer's receivers run.
/// </summary>
public static class WebhookAddresses
{
    /// <summary>
    /// Whether an address is on the public internet. Everything in IANA's special-purpose registries is not: this
    /// network, private (RFC 1918), shared (100.64/10), loopback, link-local, documentation, benchmarking, multicast
    /// and reserved. IPv6: only global unicast (2000::/3) minus its special blocks; an IPv4 address carried inside IPv6
    /// (mapped ::ffff:0:0/96, NAT64 64:ff9b::/96, 6to4 2002::/16) is judged as that IPv4 address.
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(BinaryPrimitives.ReadUInt32BigEndian(bytes)),
            AddressFamily.InterNetworkV6 => IsPublicV6(bytes),
            _ => false,
        };
    }

    private static readonly (uint Network, int Bits)[] SpecialV4 =
    [
        (0x00000000, 8), // 0.0.0.0/8 this network
        (0x0A000000, 8), // 10.0.0.0/8 private
        (0x64400000, 10), // 100.64.0.0/10 shared (carrier-grade NAT)
        (0x7F000000, 8), // 127.0.0.0/8 loopback
        (0xA9FE0000, 16), // 169.254.0.0/16 link-local, cloud metadata
        (0xAC100000, 12), // 172.16.0.0/12 private
        (0xC0000000, 24), // 192.0.0.0/24 protocol assignments
        (0xC0000200, 24), // 192.0.2.0/24 documentation
        (0xC0586300, 24), // 192.88.99.0/24 6to4 relay anycast
        (0xC0A80000, 16), // 192.168.0.0/16 private
        (0xC6120000, 15), // 198.18.0.0/15 benchmarking
        (0xC6336400, 24), // 198.51.100.0/24 documentation
        (0xCB007100, 24), // 203.0.113.0/24 documentation
        (0xE0000000, 4), // 224.0.0.0/4 multicast
        (0xF0000000, 4), // 240.0.0.0/4 reserved, 255.255.255.255 broadcast
    ];

    private static bool IsPublicV4(uint address) =>
        !SpecialV4.Any(s => (address & (uint.MaxValue << (32 - s.Bits))) == s.Network);

    private static readonly byte[] Nat64Prefix = [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];

    private static bool IsPublicV6(byte[] b)
    {
        if (b.AsSpan(0, 12).SequenceEqual(Nat64Prefix))
            return IsPublicV4(BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(12))); // NAT64 of an IPv4 address
        if (b[0] == 0x20 && b[1] == 0x02)
            return IsPublicV4(BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(2))); // 6to4
        if ((b[0] & 0xE0) != 0x20)
            return false; // not global unicast: ::, ::1, fc00::/7, fe80::/10, ff00::/8, …
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] < 0x02)
            return false; // 2001::/23 protocol assignments, Teredo
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)
            return false; // 2001:db8::/32 documentation
        return !(b[0] == 0x3f && b[1] == 0xff && b[2] < 0x10); // 3fff::/20 documentation
    }

    /// <summary>Why a webhook address is refused for its scheme, or null; plain HTTP is checked by address.</summary>
    public static string? RefuseScheme(Uri url, bool development) =>
        url.Scheme switch
        {
            "https" => null,
            "http" when development => null,
            _ => development
                ? "Webhookens adress ska börja med https:// (http:// går bara till den egna datorn under utveckling)."
                : "Webhookens adress ska börja med https://.",
        };

    /// <summary>Why one of the addresses the host name resolves to is refused, or null.</summary>
    public static string? RefuseAddress(Uri url, IPAddress address, bool development)
    {
        var where = url.Host.Trim('[', ']') == address.ToString() ? address.ToString() : $"{url.Host} ({address})";
        if (development)
        {
            var loopback = IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
            return url.Scheme == "http" && !loopback
                ? $"{where} är inte den egna datorn: http:// går bara dit under utveckling; ange https://."
                : null;
        }
        return IsPublic(address)
            ? null
            : $"{where} är en intern adress (lokal, privat eller reserverad); ange en adress på internet.";
    }
}
