using System.Security.Cryptography;
using System.Text;

namespace Governance.Distribution;

/// <summary>Signed receipt links: the link in an e-mail lets the registry acknowledge that one delivery, and nothing else.</summary>
public sealed class ReceiptLinks(byte[] key, string publicBaseUrl)
{
    public static ReceiptLinks From(IConfiguration configuration, string stateFolder, DistributionOptions options)
    {
        if (configuration["Distribution:ReceiptKey"] is { Length: > 0 } configured)
            return new ReceiptLinks(Convert.FromBase64String(configured), options.PublicBaseUrl);
        var file = Path.Combine(stateFolder, "receipt-key");
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(stateFolder);
            File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return new ReceiptLinks(Convert.FromBase64String(File.ReadAllText(file).Trim()), options.PublicBaseUrl);
    }

    public string Signature(Guid deliveryId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(deliveryId.ToString("D"))));

    public bool IsValid(Guid deliveryId, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Signature(deliveryId)), Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));

    public string LinkFor(Guid deliveryId) => $"{publicBaseUrl}/receipts/{deliveryId}?sig={Signature(deliveryId)}";
}
