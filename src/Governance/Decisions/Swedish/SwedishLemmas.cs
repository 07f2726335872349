using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Caching.Memory;

namespace Governance.Decisions.Swedish;

/// <summary>
/// Swedish words as lemmas, for the decision search. A text is indexed as the set of its words' lemmas and compound
/// parts; a query matches when every word of it is found, in any of its readings. Both sides use the same analyser, so
/// "beslutet" meets "beslut", "antog" meets "anta", "bostäder" meets "bostad", "trafik" meets "Kollektivtrafikplan",
/// and "bostadsplanering" meets "planering av bostäder". The municipalities' names are known here even where the
/// analyser's lexicon lacks them, with their genitive (Huddinges → huddinge).
/// </summary>
public sealed partial class SwedishLemmas(
    LemmaAnalyser analyser,
    IEnumerable<string> names,
    int remembered = SwedishLemmas.Remembered
)
{
    /// <summary>
    /// Words remembered in each cache: a record's working vocabulary and its compounds' splits. Query words come from
    /// anyone and a word of 20 letters tries some 40 splits: unbounded (or bounded at 200 000) the caches let a member
    /// of the public grow the service by 150 MB in 20 000 searches of made-up words. Beyond the bound the words least
    /// recently used go.
    /// </summary>
    public const int Remembered = 20_000;

    private const int MinPart = 4;
    private static readonly MemoryCacheEntryOptions OneWord = new() { Size = 1 };

    // A word's analysis: taking a compound apart tries each split against the lexicon, one process's round trip.
    private readonly MemoryCache _analyses = Bounded(remembered);

    // A word's lexemes: a results page marks every word of every text it shows.
    private readonly MemoryCache _lexemes = Bounded(remembered);
    private readonly HashSet<string> _names = [.. names.Select(n => n.ToLowerInvariant())];

    /// <summary>How many words the caches hold now (at most twice the bound).</summary>
    internal int RememberedNow => _analyses.Count + _lexemes.Count;

    /// <summary>The lexemes that index a text: each word's lemmas and compound parts, and the word itself.</summary>
    public string IndexText(params string?[] texts)
    {
        var words = texts.Where(t => t is not null).SelectMany(t => Words(t!)).Distinct().ToList();
        var lexemes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
            lexemes.UnionWith(Lexemes(word));
        return string.Join(' ', lexemes);
    }

    /// <summary>Each query word's readings, every reading the set of lemmas a text must hold to match it.</summary>
    public IReadOnlyList<IReadOnlyList<IReadOnlySet<string>>> QueryOf(string query) =>
        [.. Words(query).Where(w => w.Length >= 2).Distinct().Take(10).Select(Readings)];

    /// <summary>
    /// The lemmas a word of a shown text stands for: what the page marks when a query reading needs one.
    /// </summary>
    public IReadOnlySet<string> Lexemes(string word)
    {
        if (_lexemes.TryGetValue(word, out IReadOnlySet<string>? known))
            return known!;
        return _lexemes.Set<IReadOnlySet<string>>(word, LexemesOf(word), OneWord);
    }

    private FrozenSet<string> LexemesOf(string word)
    {
        var lower = word.ToLowerInvariant();
        if (NameOf(lower) is { } name)
            return new[] { name }.ToFrozenSet(StringComparer.Ordinal);
        var analysis = Analysis(word);
        var lexemes = new HashSet<string>(StringComparer.Ordinal) { Sanitised(lower) };
        foreach (var part in analysis.Readings.SelectMany(r => r))
            lexemes.UnionWith(WithParts(part.Lemma));
        // A compound the lexicon lacks (äldreomsorgen) may still be made of words it knows.
        if (!analysis.IsKnown)
            lexemes.UnionWith(WithParts(lower));
        lexemes.Remove("");
        return lexemes.ToFrozenSet(StringComparer.Ordinal);
    }

    public static IEnumerable<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value);

    private IReadOnlyList<IReadOnlySet<string>> Readings(string word)
    {
        var lower = word.ToLowerInvariant();
        if (NameOf(lower) is { } name)
            return [new HashSet<string> { name }];
        var readings = Analysis(word)
            .Readings.Select(r =>
                (IReadOnlySet<string>)r.Select(p => Sanitised(p.Lemma)).Where(l => l.Length > 0).ToHashSet()
            )
            .Where(r => r.Count > 0)
            .ToList();
        // A word of numerals that are not digits (½, Ⅳ) has no letters or digits left: it reads as no word.
        if (Sanitised(lower) is { Length: > 0 } whole)
            readings.Add(new HashSet<string> { whole });
        return readings;
    }

    /// <summary>A lemma and, for a compound the lexicon lists as one word (kollektivtrafik), its noun parts.</summary>
    private IEnumerable<string> WithParts(string lemma)
    {
        var clean = Sanitised(lemma);
        yield return clean;
        if (clean.Length < 2 * MinPart)
            yield break;
        var candidates = Enumerable
            .Range(MinPart, clean.Length - 2 * MinPart + 1)
            .Select(i => (Head: clean[..i], Tail: clean[i..]))
            .ToList();
        var known = Analyse([.. candidates.SelectMany(c => new[] { c.Head, LinkingS(c.Head), c.Tail }).Distinct()]);
        foreach (var (head, tail) in candidates)
        {
            // Swedish compounds: noun or adjective + (linking s) + noun. Anything else (samman+träde) is not taken
            // apart.
            var headWord =
                known[head].IsLexiconCompoundHead ? head
                : known[LinkingS(head)].IsLexiconCompoundHead ? LinkingS(head)
                : null;
            if (headWord is null || !known[tail].IsLexiconNoun)
                continue;
            yield return headWord;
            foreach (var reading in known[tail].Readings.Where(r => r.Count == 1 && r[0].IsNoun))
                yield return Sanitised(reading[0].Lemma);
        }
    }

    private static string LinkingS(string head) => head.Length > MinPart && head.EndsWith('s') ? head[..^1] : head;

    private string? NameOf(string lower) =>
        _names.Contains(lower) ? lower
        : lower.EndsWith('s') && _names.Contains(lower[..^1]) ? lower[..^1]
        : null;

    private WordAnalysis Analysis(string word) => Analyse([word])[word];

    private Dictionary<string, WordAnalysis> Analyse(IReadOnlyList<string> words)
    {
        var found = new Dictionary<string, WordAnalysis>(StringComparer.Ordinal);
        foreach (var word in words)
            if (_analyses.TryGetValue(word, out WordAnalysis? cached))
                found[word] = cached!;
        var missing = words.Where(w => !found.ContainsKey(w)).Distinct().ToList();
        if (missing.Count > 0)
        {
            // The lexicon's proper nouns are capitalised: a word typed in lower case is also tried capitalised.
            var variants = missing.SelectMany(w => new[] { w, Capitalised(w) }).Distinct().ToList();
            var analyses = analyser.Analyse(variants).Zip(variants).ToDictionary(p => p.Second, p => p.First);
            foreach (var word in missing)
            {
                var own = analyses[word];
                var capital = analyses[Capitalised(word)];
                found[word] = _analyses.Set(
                    word,
                    own with
                    {
                        Readings = [.. own.Readings, .. capital.Readings.Where(r => !own.Readings.Contains(r))],
                    },
                    OneWord
                );
            }
        }
        return found;
    }

    // A quarter goes when the bound is reached: compacting runs in the background; until it has, adds are dropped.
    private static MemoryCache Bounded(int entries) =>
        new(new MemoryCacheOptions { SizeLimit = entries, CompactionPercentage = 0.25 });

    private static string Capitalised(string word) =>
        word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static string Sanitised(string lemma) => new([.. lemma.ToLowerInvariant().Where(char.IsLetterOrDigit)]);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
