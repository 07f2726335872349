using Governance.Fees;

namespace Governance.Tests.Fees;

public class FeeScheduleTests
{
    private static readonly FeeRule Indexed2010 = new(
        FeeRuleKind.IndexedTotal,
        2010,
        860_000m,
        null,
        new DateOnly(2010, 6, 10),
        "Avtal §8"
    );
    private static readonly FeeRule PerCapita2017 = new(
        FeeRuleKind.PerCapita,
        2017,
        null,
        4m,
        new DateOnly(2017, 2, 2),
        "Beslut 2017-02-02"
    );

    // Populations at year ends 2009–2012 for three parties, with awkward numbers.
    private static readonly Dictionary<(string, int), int> Populations = new()
    {
        [("A", 2009)] = 77_777,
        [("B", 2009)] = 33_333,
        [("C", 2009)] = 11_111,
        [("A", 2010)] = 78_901,
        [("B", 2010)] = 33_001,
        [("C", 2010)] = 11_500,
        [("A", 2011)] = 80_002,
        [("B", 2011)] = 32_999,
        [("C", 2011)] = 11_750,
        [("A", 2012)] = 81_234,
        [("B", 2012)] = 33_500,
        [("C", 2012)] = 11_900,
    };

    private static int? Population(string code, int year) =>
        Populations.TryGetValue((code, year), out var p) ? p : null;

    private static IReadOnlyList<string> AllThree(int year) => ["A", "B", "C"];

    [Fact]
    public void the_first_year_of_the_indexed_rule_splits_the_total_by_population_exactly()
    {
        var fees = FeeSchedule.For(2010, [Indexed2010], AllThree, Population);
        Assert.True(fees.IsComplete);
        Assert.Equal(860_000m, fees.Total);
        // Quotas 547 272.71…, 234 545.37…, 78 181.92…: the two kronor left go to the largest remainders (C, then A).
        Assert.Equal([547_273m, 234_545m, 78_182m], fees.Lines.Select(l => l.Fee));
        Assert.All(fees.Lines, l => Assert.Equal(2009, l.PopulationYear));
    }

    [Fact]
    public void each_later_year_changes_each_partys_fee_by_its_own_population_change()
    {
        var y2010 = FeeSchedule
            .For(2010, [Indexed2010], AllThree, Population)
            .Lines.ToDictionary(l => l.Code, l => l.Fee);
        var y2011 = FeeSchedule
            .For(2011, [Indexed2010], AllThree, Population)
            .Lines.ToDictionary(l => l.Code, l => l.Fee);
        var y2012 = FeeSchedule.For(2012, [Indexed2010], AllThree, Population);

        foreach (var code in new[] { "A", "B", "C" })
            Assert.Equal(
                decimal.Round(
                    y2010[code] * Population(code, 2010)!.Value / Population(code, 2009)!.Value,
                    0,
                    MidpointRounding.AwayFromZero
                ),
                y2011[code]
            );
        Assert.Equal(
            decimal.Round(y2011["B"] * 32_999m / 33_001m, 0, MidpointRounding.AwayFromZero),
            y2012.Lines.Single(l => l.Code == "B").Fee
        );
        Assert.Equal(y2012.Lines.Sum(l => l.Fee), y2012.Total);
        Assert.All(y2012.Lines, l => Assert.Equal(decimal.Truncate(l.Fee), l.Fee));
    }

    [Fact]
    public void a_party_withdrawing_mid_period_pays_the_years_it_was_a_member_and_the_others_keep_their_own_indexing()
    {
        // C withdraws from 2012-07-01: a member on 1 January 2012, not on 1 January 2013.
        IReadOnlyList<string> Members(int year) => year <= 2012 ? ["A", "B", "C"] : ["A", "B"];
        var withC = FeeSchedule.For(2012, [Indexed2010], Members, Population);
        var without = FeeSchedule.For(2013, [Indexed2010], Members, Population);

        Assert.Contains(withC.Lines, l => l.Code == "C");
        Assert.DoesNotContain(without.Lines, l => l.Code == "C");
        var a2012 = withC.Lines.Single(l => l.Code == "A").Fee;
        Assert.Equal(
            decimal.Round(a2012 * 81_234m / 80_002m, 0, MidpointRounding.AwayFromZero),
            without.Lines.Single(l => l.Code == "A").Fee
        );
    }

    [Fact]
    public void the_per_capita_rule_takes_over_from_its_year_four_kronor_per_inhabitant_at_the_previous_year_end()
    {
        long[] sample = [94_100, 91_300, 113_000, 11_100, 28_600, 17_300, 99_000, 48_800];
        var codes = new[] { "0127", "0136", "0126", "0140", "0192", "0128", "0181", "0138" };
        var fees = FeeSchedule.For(
            2020,
            [Indexed2010, PerCapita2017],
            _ => codes,
            (code, year) => year == 2019 ? (int)sample[Array.IndexOf(codes, code)] : null
        );

        Assert.Equal(FeeRuleKind.PerCapita, fees.Rule!.Kind);
        Assert.Equal(2_012_800m, fees.Total);
        Assert.Equal(4 * 113_000m, fees.Lines.Single(l => l.Code == "0126").Fee);
    }

    [Fact]
    public void a_missing_population_is_named_and_no_rule_before_the_first_one()
    {
        var missing = FeeSchedule.For(2014, [Indexed2010], AllThree, Population);
        Assert.False(missing.IsComplete);
        Assert.Contains(missing.Missing, m => m.Contains("2013-12-31", StringComparison.Ordinal));
        Assert.Null(FeeSchedule.For(2009, [Indexed2010], AllThree, Population).Rule);
    }
}
