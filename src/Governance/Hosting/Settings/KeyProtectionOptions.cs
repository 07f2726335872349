using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Governance.Hosting.Settings;

/// <summary>
/// How the sign-in, antiforgery and receipt-link keys (ASP.NET Core Data Protection, kept in PostgreSQL) are
/// protected at rest: a certificate (PFX or PEM with its key) or a 256-bit key (section DataProtection).
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }

    /// <summary>Base64 of 32 random bytes: `openssl rand -base64 32`.</summary>
    public string? Key { get; set; }

    public X509Certificate2? LoadCertificate() =>
        string.IsNullOrWhiteSpace(CertificatePath) ? null
        : Path.GetExtension(CertificatePath).Equals(".pem", StringComparison.OrdinalIgnoreCase)
            ? X509Certificate2.CreateFromPemFile(CertificatePath)
        : X509CertificateLoader.LoadPkcs12FromFile(CertificatePath, CertificatePassword);

    public byte[]? KeyBytes() => string.IsNullOrWhiteSpace(Key) ? null : Convert.FromBase64String(Key);

    public void Check(SettingProblems problems)
    {
        if (string.IsNullOrWhiteSpace(CertificatePath) && string.IsNullOrWhiteSpace(Key))
            problems.Missing(
                "DataProtection:Key",
                "a base64 key of 32 bytes (or DataProtection:CertificatePath) to protect the keys kept in the database"
            );
        if (!string.IsNullOrWhiteSpace(Key) && !IsKey(Key))
            problems.Invalid("DataProtection:Key", "is not base64 of exactly 32 bytes");
        if (string.IsNullOrWhiteSpace(CertificatePath))
            return;
        try
        {
            using var certificate = LoadCertificate()!;
            if (!certificate.HasPrivateKey)
                problems.Invalid("DataProtection:CertificatePath", "has no private key");
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            problems.Invalid("DataProtection:CertificatePath", $"cannot be loaded: {e.Message}");
        }
    }

    private static bool IsKey(string value)
    {
        var bytes = new byte[64];
        return Convert.TryFromBase64String(value, bytes, out var length) && length == 32;
    }
}
