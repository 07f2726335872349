using Microsoft.AspNetCore.DataProtection;

namespace Governance.Distribution;

/// <summary>
/// A webhook's shared secret is stored only encrypted (Data Protection, keys in the database): the event stream is
/// kept forever and read by the audit trail, exports and backups, none of which may hold the secret itself.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Governance.WebhookSecrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    /// <summary>The secret to sign with: decrypted, or as stored by versions that kept it in plain text.</summary>
    public string? Reveal(Channels channels) =>
        channels.ProtectedWebhookSecret is { } stored ? _protector.Unprotect(stored) : channels.WebhookSecret;

    /// <summary>The channels' secret in its protected form, protecting one stored in plain text.</summary>
    public string? Protected(Channels channels) =>
        channels.ProtectedWebhookSecret ?? (channels.WebhookSecret is { } plain ? Protect(plain) : null);
}
