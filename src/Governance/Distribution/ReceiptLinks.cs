using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Governance.Distribution;

/// <summary>
/// Signed receipt links: the link in an e-mail lets the registry acknowledge that one delivery, and nothing else. The
/// signature is a Data Protection payload of the delivery id: its keys live in the database, so every node and every
/// restart accepts a link sent before. Links signed with the earlier key (Distribution:ReceiptKey) keep working.
/// </summary>
public sealed class ReceiptLinks(IDataProtectionProvider protection, DistributionOptions options)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Governance.ReceiptLinks.v1");
    private readonly byte[]? _legacyKey = options.ReceiptKey is { Length: > 0 } key
        ? Convert.FromBase64String(key)
        : null;

    public string Signature(Guid deliveryId) =>
        WebEncoders.Base64UrlEncode(_protector.Protect(deliveryId.ToByteArray()));

    public bool IsValid(Guid deliveryId, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || signature.Length > 512)
            return false;
        if (_legacyKey is not null && signature.Length == 64)
            return IsLegacyValid(deliveryId, signature);
        try
        {
            return CryptographicOperations.FixedTimeEquals(
                _protector.Unprotect(WebEncoders.Base64UrlDecode(signature)),
                deliveryId.ToByteArray()
            );
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }

    public string LinkFor(Guid deliveryId) =>
        $"{options.PublicBaseUrl}/receipts/{deliveryId}?sig={Signature(deliveryId)}";

    /// <summary>The earlier signature: hex HMAC-SHA256 of the delivery id under Distribution:ReceiptKey.</summary>
    public static string LegacySignature(byte[] key, Guid deliveryId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(deliveryId.ToString("D"))));

    private bool IsLegacyValid(Guid deliveryId, string signature) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(LegacySignature(_legacyKey!, deliveryId)),
            Encoding.ASCII.GetBytes(signature.ToLowerInvariant())
        );
}
