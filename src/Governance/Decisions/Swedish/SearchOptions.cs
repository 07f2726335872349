using Governance.Hosting.Settings;

namespace Governance.Decisions.Swedish;

/// <summary>
/// The Swedish analyser the decision search uses (section Search): Apertium's lt-proc and its Swedish data.
/// </summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    public string Analyser { get; set; } = "lt-proc";
    public string Lexicon { get; set; } = "/usr/share/apertium/apertium-swe-nor/swe-nob.automorf.bin";

    /// <summary>Starts the analyser once: a service that cannot find Swedish words must not start.</summary>
    public LemmaAnalyser Start(SettingProblems problems)
    {
        var analyser = new LemmaAnalyser(Analyser, Lexicon);
        if (analyser.Unavailable() is { } why)
            problems.Invalid("Search:Analyser", $"cannot be used: {why}");
        return analyser;
    }
}
