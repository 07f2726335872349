using System.Diagnostics;
using System.Text;

namespace Governance.Decisions.Swedish;

/// <summary>
/// Apertium's Swedish morphological analyser (lttoolbox's `lt-proc` with the `apertium-swe-nor` data), one long-lived
/// process spoken to over its standard streams in null-flush mode: a batch of words in, their analyses out. It knows
/// the lexicon's lemmas and their full paradigms, irregular ones included (antog, antagit, antagna → anta; bostäder →
/// bostad), and takes compounds apart (-e). Calls are serialised; a process that died is started again.
/// </summary>
public sealed class LemmaAnalyser(string program, string automaton) : IDisposable
{
    private readonly Lock _gate = new();
    private Process? _process;

    public IReadOnlyList<WordAnalysis> Analyse(IReadOnlyList<string> words)
    {
        if (words.Count == 0)
            return [];
        lock (_gate)
        {
            try
            {
                return Exchange(words);
            }
            catch (IOException)
            {
                Stop();
                return Exchange(words); // once more on a fresh process
            }
        }
    }

    /// <summary>Whether the analyser can be started here, and if not why (the programs to install).</summary>
    public string? Unavailable()
    {
        if (!File.Exists(automaton))
            return $"the Swedish analyser's data {automaton} is missing (Debian: apt-get install apertium-swe-nor)";
        try
        {
            return Analyse(["beslut"]) is [{ IsKnown: true }]
                ? null
                : "the Swedish analyser does not answer as expected";
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return $"{program} cannot be started ({e.Message}; Debian: apt-get install lttoolbox apertium-swe-nor)";
        }
    }

    private IReadOnlyList<WordAnalysis> Exchange(IReadOnlyList<string> words)
    {
        var process = _process is { HasExited: false } running ? running : _process = Start();
        // One word a line; characters that are the stream format's own are left out of the words.
        var input = string.Join('\n', words.Select(w => Clean(w))) + "\0";
        process.StandardInput.Write(input);
        process.StandardInput.Flush();
        var output = new StringBuilder();
        int c;
        while ((c = process.StandardOutput.Read()) > 0)
            output.Append((char)c);
        if (c < 0)
            throw new IOException("The analyser stopped.");
        var tokens = Tokens(output.ToString());
        if (tokens.Count == words.Count)
            return [.. tokens.Select(WordAnalysis.Parse)];
        // A word the analyser cut in two (letters and digits, say): each alone, and one cut in two is unknown.
        return words.Count == 1 ? [new WordAnalysis(words[0], [])] : [.. words.SelectMany(w => Exchange([w]))];
    }

    private static List<string> Tokens(string output)
    {
        var tokens = new List<string>();
        for (
            var start = output.IndexOf('^', StringComparison.Ordinal);
            start >= 0;
            start = output.IndexOf('^', start + 1)
        )
        {
            var end = output.IndexOf('$', start);
            if (end < 0)
                break;
            tokens.Add(output[start..(end + 1)]);
            start = end;
        }
        return tokens;
    }

    private static string Clean(string word) => new([.. word.Where(char.IsLetterOrDigit).DefaultIfEmpty('x')]);

    private Process Start()
    {
        var start = new ProcessStartInfo(program, ["-e", "-z", automaton])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        return Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
    }

    private void Stop()
    {
        try
        {
            if (_process is { HasExited: false })
                _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        _process?.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        lock (_gate)
            Stop();
    }
}
