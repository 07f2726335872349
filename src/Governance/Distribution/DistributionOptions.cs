using System.Globalization;

namespace Governance.Distribution;

/// <summary>Configuration of distribution: the SMTP server, the sender, retries, and the public address for receipt links.</summary>
public sealed class DistributionOptions
{
    public string? SmtpHost { get; init; }
    public int SmtpPort { get; init; } = 25;

    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    public string SmtpSecurity { get; init; } = "Auto";
    public string? SmtpUsername { get; init; }
    public string? SmtpPassword { get; init; }
    public string From { get; init; } = "Södertörns samarbetskommitté <kansli@samarbetskommitten.example>";
    public string PublicBaseUrl { get; init; } = "http://127.0.0.1:5080";
    public IReadOnlyList<TimeSpan> RetryDelays { get; init; } = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)];

    public static DistributionOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Distribution");
        var smtp = configuration.GetSection("Smtp");
        var delays = section["RetryDelays"];
        return new DistributionOptions
        {
            SmtpHost = smtp["Host"],
            SmtpPort = smtp.GetValue("Port", 25),
            SmtpSecurity = smtp["Security"] ?? "Auto",
            SmtpUsername = smtp["Username"],
            SmtpPassword = smtp["Password"],
            From = section["From"] ?? new DistributionOptions().From,
            PublicBaseUrl = (section["PublicBaseUrl"] ?? new DistributionOptions().PublicBaseUrl).TrimEnd('/'),
            RetryDelays = delays is null ? new DistributionOptions().RetryDelays
                : [.. delays.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => TimeSpan.Parse(d.Trim(), CultureInfo.InvariantCulture))],
        };
    }
}
