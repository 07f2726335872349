using System.Globalization;
using Governance.Hosting.Settings;
using MimeKit;

namespace Governance.Distribution;

/// <summary>
/// Distribution (section Distribution): the sender, retries, and the public address every absolute link uses.
/// </summary>
public sealed class DistributionOptions
{
    public const string Section = "Distribution";

    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays =
    [
        TimeSpan.FromSeconds(10),
        TimeSpan.FromMinutes(1),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2),
    ];

    public string From { get; set; } = "Södertörns samarbetskommitté <kansli@samarbetskommitten.example>";

    /// <summary>
    /// Where people reach the service (https://… behind the proxy): links in feeds, e-mails and receipts.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Back-off between attempts, e.g. "00:00:10,00:01:00".</summary>
    public string? RetryDelays { get; set; }

    /// <summary>
    /// The key of receipt links sent before the keys moved into the database: those links keep working.
    /// </summary>
    public string? ReceiptKey { get; set; }

    public IReadOnlyList<TimeSpan> Delays =>
        RetryDelays is null
            ? DefaultRetryDelays
            :
            [
                .. RetryDelays
                    .Split(',', StringSplitOptions.RemoveEmptyEntries)
                    .Select(d => TimeSpan.Parse(d.Trim(), CultureInfo.InvariantCulture)),
            ];

    public void Check(SettingProblems problems)
    {
        if (string.IsNullOrWhiteSpace(PublicBaseUrl))
            problems.Missing(
                "Distribution:PublicBaseUrl",
                "the address people reach the service at (https://…), used in every link"
            );
        else if (
            !Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var url)
            || url.Scheme is not ("https" or "http")
            || url.Query.Length > 0
            || url.Fragment.Length > 0
        )
            problems.Invalid(
                "Distribution:PublicBaseUrl",
                $"is '{PublicBaseUrl}': an absolute http(s) address without query"
            );
        else if (problems.InProduction && url.Scheme != "https" && !url.IsLoopback)
            problems.Invalid(
                "Distribution:PublicBaseUrl",
                $"is '{PublicBaseUrl}': people reach the service over https "
                    + "(plain http only on this machine, for a trial)"
            );
        if (!MailboxAddress.TryParse(From, out _))
            problems.Invalid("Distribution:From", $"is '{From}': not a mail address");
        if (
            RetryDelays is not null
            && !RetryDelays
                .Split(',', StringSplitOptions.RemoveEmptyEntries)
                .All(d =>
                    TimeSpan.TryParse(d.Trim(), CultureInfo.InvariantCulture, out var delay) && delay > TimeSpan.Zero
                )
        )
            problems.Invalid("Distribution:RetryDelays", $"is '{RetryDelays}': positive times, e.g. 00:00:10,00:01:00");
        if (
            ReceiptKey is not null
            && !(Convert.TryFromBase64String(ReceiptKey, new byte[ReceiptKey.Length], out var n) && n >= 32)
        )
            problems.Invalid("Distribution:ReceiptKey", "is not base64 of at least 32 bytes");
    }
}
