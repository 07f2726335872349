using Governance.Decisions;
using Governance.Decisions.Swedish;

namespace Governance.Tests.Decisions;

/// <summary>Reading the analyser's answers and writing the query: pure functions.</summary>
public class SwedishAnalysisTests
{
    [Fact]
    public void a_word_with_readings_gives_each_lemma_and_its_tags()
    {
        var analysis = WordAnalysis.Parse("^antagna/anta<adj><pp><pl><ind>/anta<adj><pp><fn><sg><def>$");
        Assert.Equal("antagna", analysis.Surface);
        Assert.Equal(2, analysis.Readings.Count);
        Assert.All(analysis.Readings, r => Assert.Equal("anta", Assert.Single(r).Lemma));
        Assert.Equal(["adj", "pp", "pl", "ind"], analysis.Readings[0][0].Tags);
    }

    [Fact]
    public void a_compound_is_read_as_its_parts_and_an_unknown_word_has_no_reading()
    {
        var compound = WordAnalysis.Parse(
            "^Kollektivtrafikplan/Kollektivtrafik<n><ut><sg><ind><cmp>+plan<n><nt><sg><ind>$"
        );
        Assert.Equal(["kollektivtrafik", "plan"], compound.Readings[0].Select(p => p.Lemma));
        Assert.False(compound.IsLexiconWord);
        var unknown = WordAnalysis.Parse("^huddinge/*huddinge$");
        Assert.False(unknown.IsKnown);
    }

    [Fact]
    public void a_query_needs_every_word_each_in_any_of_its_readings()
    {
        IReadOnlyList<IReadOnlyList<IReadOnlySet<string>>> words =
        [
            [new HashSet<string> { "bostad", "planering" }, new HashSet<string> { "bo", "stadsplanering" }],
            [new HashSet<string> { "södertörn" }],
        ];
        Assert.Equal("((bostad & planering) | (bo & stadsplanering)) & ((södertörn))", DecisionQuery.TsQuery(words));
        Assert.Null(DecisionQuery.TsQuery([]));
    }

    [Fact]
    public void a_query_is_written_into_the_statement_and_nothing_that_could_end_its_quotes_is()
    {
        Assert.Equal(
            "v @@ to_tsquery('simple'::regconfig, '((bostad & planering)) & ((södertörn))')",
            DecisionQuery.MatchSql("v", "((bostad & planering)) & ((södertörn))")
        );
        Assert.Throws<ArgumentException>(() => DecisionQuery.MatchSql("v", "x') or true or ('"));
        Assert.Throws<ArgumentException>(() => DecisionQuery.MatchSql("v", "x\\"));
        Assert.Throws<ArgumentException>(() => DecisionQuery.MatchSql("v", "trafik:*"));
    }

    [Fact]
    public void a_filter_is_written_as_a_literal_only_when_it_holds_nothing_that_could_end_its_quotes()
    {
        Assert.Equal("'0126'", DecisionQuery.Literal("0126"));
        Assert.Equal("'2020-01-01'", DecisionQuery.Literal("2020-01-01"));
        Assert.Equal("'särskilt projekt'", DecisionQuery.Literal("särskilt projekt"));
        Assert.Null(DecisionQuery.Literal("x' or '1'='1"));
        Assert.Null(DecisionQuery.Literal("x\\"));
        Assert.Null(DecisionQuery.Literal("a?b"));
    }
}
