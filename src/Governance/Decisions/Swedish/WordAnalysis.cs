namespace Governance.Decisions.Swedish;

/// <summary>One part of a reading of a word: a lemma and its tags ("plan", ["n", "ut", "sg", "def"]).</summary>
public sealed record WordPart(string Lemma, IReadOnlyList<string> Tags)
{
    public bool IsNoun => Tags.Count > 0 && Tags[0] is "n" or "np";

    /// <summary>What may stand first in a compound: a noun, or an adjective (äldre+omsorg, stor+stad).</summary>
    public bool IsCompoundHead => IsNoun || (Tags.Count > 0 && Tags[0] == "adj");
}

/// <summary>
/// What the morphological analyser says of one word: its readings, each a lemma or a compound of lemmas
/// ("verksamhetsplanen" → verksamhet + plan). No reading: the analyser does not know the word.
/// </summary>
public sealed record WordAnalysis(string Surface, IReadOnlyList<IReadOnlyList<WordPart>> Readings)
{
    public bool IsKnown => Readings.Count > 0;

    /// <summary>A word the lexicon knows as one word (not only as a compound of others).</summary>
    public bool IsLexiconWord => Readings.Any(r => r.Count == 1);

    public bool IsLexiconNoun => Readings.Any(r => r.Count == 1 && r[0].IsNoun);

    public bool IsLexiconCompoundHead => Readings.Any(r => r.Count == 1 && r[0].IsCompoundHead);

    /// <summary>
    /// Parses one analysis in the analyser's stream format: `^surface/lemma&lt;n&gt;&lt;sg&gt;/other&lt;vblex&gt;$`, a
    /// compound's
    /// parts joined by `+`, an unknown word as `^surface/*surface$`.
    /// </summary>
    public static WordAnalysis Parse(string token)
    {
        var body = token.Trim().TrimStart('^').TrimEnd('$');
        var fields = body.Split('/');
        var readings = fields
            .Skip(1)
            .Where(f => f.Length > 0 && f[0] != '*')
            .Select(f => (IReadOnlyList<WordPart>)[.. f.Split('+').Select(ParsePart)])
            .ToList();
        return new WordAnalysis(fields[0], readings);
    }

    private static WordPart ParsePart(string part)
    {
        var tagStart = part.IndexOf('<', StringComparison.Ordinal);
        var lemma = tagStart < 0 ? part : part[..tagStart];
        // The lexicon's tags are a few dozen words, repeated in every analysis kept: one copy of each.
        var tags = tagStart < 0 ? [] : part[tagStart..].Split(['<', '>'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tags.Length; i++)
            tags[i] = string.Intern(tags[i]);
        return new WordPart(lemma.ToLowerInvariant(), tags);
    }
}
