using Governance.Decisions.Swedish;

namespace Governance.Tests.Decisions;

/// <summary>
/// The search's word caches against made-up words from anyone: what they hold stays within their bound, and the
/// words read after a flood still read right. Real analyser (lt-proc).
/// </summary>
public sealed class SwedishLemmasBoundTests : IDisposable
{
    private const string Letters = "abcdefghijklmnoprstuvåäö";
    private readonly LemmaAnalyser _analyser = new(new SearchOptions().Analyser, new SearchOptions().Lexicon);

    [Fact]
    public void made_up_words_in_queries_and_texts_fill_the_caches_only_up_to_their_bound()
    {
        const int bound = 200;
        var lemmas = new SwedishLemmas(_analyser, ["Huddinge"], bound);
        var random = new Random(14);

        for (var i = 0; i < 150; i++)
        {
            var words = Enumerable.Range(0, 8).Select(_ => MadeUp(random)).ToList();
            lemmas.QueryOf(string.Join(' ', words));
            // A results page marks each word of the texts it shows; a made-up compound tries its every split.
            foreach (var word in words.Take(2))
                lemmas.Lexemes(word);
        }

        Assert.InRange(lemmas.RememberedNow, 1, 2 * bound);
        Assert.Contains("beslut", lemmas.Lexemes("beslutet"));
        Assert.Contains("bostad", lemmas.QueryOf("bostäder").Single().SelectMany(r => r));
        Assert.Equal(["huddinge"], lemmas.QueryOf("Huddinges").Single().Single());
    }

    [Fact]
    public void a_word_read_again_is_answered_from_the_cache_with_the_same_lexemes()
    {
        var lemmas = new SwedishLemmas(_analyser, [], SwedishLemmas.Remembered);
        var first = lemmas.Lexemes("kollektivtrafikplanen");
        var remembered = lemmas.RememberedNow;

        Assert.Same(first, lemmas.Lexemes("kollektivtrafikplanen"));
        Assert.Equal(remembered, lemmas.RememberedNow);
        Assert.Contains("trafik", first);
    }

    private static string MadeUp(Random random) =>
        new([.. Enumerable.Range(0, random.Next(10, 21)).Select(_ => Letters[random.Next(Letters.Length)])]);

    public void Dispose() => _analyser.Dispose();
}
