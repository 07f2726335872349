using MailKit.Security;

namespace Governance.Hosting.Settings;

/// <summary>The mail server the registries' copies go through (section Smtp).</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;

    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's SecureSocketOptions), checked at start.</summary>
    public string Security { get; set; } = nameof(SecureSocketOptions.Auto);
    public string? Username { get; set; }
    public string? Password { get; set; }

    public SecureSocketOptions SecureSocket => Enum.Parse<SecureSocketOptions>(Security, ignoreCase: true);

    public void Check(SettingProblems problems)
    {
        if (string.IsNullOrWhiteSpace(Host))
            problems.Missing("Smtp:Host", "the mail server that sends the registries' copies");
        if (Port is < 1 or > 65535)
            problems.Invalid("Smtp:Port", $"is {Port}: a port is 1–65535");
        if (!Enum.TryParse<SecureSocketOptions>(Security, ignoreCase: true, out _))
            problems.Invalid("Smtp:Security", $"is '{Security}': use None, StartTls, SslOnConnect or Auto");
        if (!string.IsNullOrEmpty(Username) && string.IsNullOrEmpty(Password))
            problems.Invalid("Smtp:Password", "is not set although Smtp:Username is");
    }
}
