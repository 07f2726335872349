namespace Governance.Hosting.Settings;

/// <summary>
/// What is wrong with the settings, each named as the operator sets it (section:key and the variable).
/// </summary>
public sealed class SettingProblems(IHostEnvironment environment, bool demandComplete = true)
{
    private readonly List<string> _problems = [];

    public IHostEnvironment Environment { get; } = environment;
    public bool InProduction => !Environment.IsDevelopment();

    /// <summary>Running the service needs every setting; a command (db-apply, …) only what it uses.</summary>
    public bool DemandComplete { get; } = demandComplete;
    public IReadOnlyList<string> All => _problems;

    /// <summary>Missing: a problem outside Development only, where a developer's default would be wrong.</summary>
    public void Missing(string key, string what)
    {
        if (InProduction && DemandComplete)
            _problems.Add($"{key} ({Variable(key)}) is not set: {what}");
    }

    /// <summary>Invalid: a problem everywhere; a value that is there but cannot be right.</summary>
    public void Invalid(string key, string why) => _problems.Add($"{key} ({Variable(key)}) {why}");

    public static string Variable(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}

/// <summary>The service refuses to start: every missing or invalid setting, in one message.</summary>
public sealed class InvalidSettingsException(IReadOnlyList<string> problems)
    : Exception(
        $"Governance cannot start: {problems.Count} setting(s) missing or invalid:{System.Environment.NewLine}"
            + string.Join(System.Environment.NewLine, problems.Select(p => "  - " + p))
    )
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
