using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Governance.Municipalities;

/// <summary>Shape rules of the register, shared by validators and the reference-data loader.</summary>
public static partial class MunicipalityRules
{
    public const string CodeMessage = "Kommunkoden ska vara fyra siffror, t.ex. 0127.";

    /// <summary>Official municipality codes (kommunkod) are four digits: county (län) then municipality.</summary>
    public static bool IsMunicipalityCode(string? code) => code is not null && CodePattern().IsMatch(code);

    /// <summary>An address a registry can receive mail at: one mailbox, a domain with a dot, no display name.</summary>
    public static bool IsRegistryEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254)
            return false;
        if (!MailAddress.TryCreate(email, out var address))
            return false;
        return address.Address == email
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !address.Host.EndsWith('.');
    }

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex CodePattern();
}
