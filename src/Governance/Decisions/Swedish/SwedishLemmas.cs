using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Governance.Decisions.Swedish;

/// <summary>
/// Swedish words as lemmas, for the decision search. A text is indexed as the set of its words' lemmas and compound
/// parts; a query matches when every word of it is found, in any of its readings. Both sides use the same analyser, so
/// "beslutet" meets "beslut", "antog" meets "anta", "bostäder" meets "bostad", "trafik" meets "Kollektivtrafikplan",
/// and "bostadsplanering" meets "planering av bostäder". The municipalities' names are known here even where the
/// analyser's lexicon lacks them, with their genitive (Huddinges → huddinge).
/// </summary>
public sealed partial class SwedishLemmas(LemmaAnalyser analyser, IEnumerable<string> names)
{
    private const int MinPart = 4;
    private const int MaxRemembered = 200_000;
    private readonly ConcurrentDictionary<string, WordAnalysis> _cache = new();

    // A word's lexemes, remembered: a results page marks every word of every text it shows, and taking a compound
    // apart tries each split against the lexicon. Bounded, since query words come from anyone.
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _lexemes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names = [.. names.Select(n => n.ToLowerInvariant())];

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
        if (_lexemes.TryGetValue(word, out var known))
            return known;
        var lexemes = LexemesOf(word);
        if (_lexemes.Count < MaxRemembered)
            _lexemes.TryAdd(word, lexemes);
        return lexemes;
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
            if (_cache.TryGetValue(word, out var cached))
                found[word] = cached;
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
                found[word] = own with
                {
                    Readings = [.. own.Readings, .. capital.Readings.Where(r => !own.Readings.Contains(r))],
                };
                if (_cache.Count < MaxRemembered)
                    _cache.TryAdd(word, found[word]);
            }
        }
        return found;
    }

    private static string Capitalised(string word) =>
        word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static string Sanitised(string lemma) => new([.. lemma.ToLowerInvariant().Where(char.IsLetterOrDigit)]);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
