using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Governance.Infrastructure.Money;

namespace Governance.Tests.Money;

public class AllocationTests
{
    [Fact]
    public void one_krona_in_three_equal_parts_gives_the_extra_ore_to_the_first()
    {
        Assert.Equal([0.34m, 0.33m, 0.33m], Allocation.LargestRemainder(1.00m, [1, 1, 1]));
    }

    [Fact]
    public void the_2020_fee_total_split_by_the_sample_populations_adds_up_exactly()
    {
        long[] populations = [94_100, 91_300, 113_000, 11_100, 28_600, 17_300, 99_000, 48_800];
        var parts = Allocation.LargestRemainder(2_012_800m, populations, Allocation.Krona);
        Assert.Equal(2_012_800m, parts.Sum());
        Assert.Equal(4 * 94_100m, parts[0]);
    }

    [Fact]
    public void awkward_populations_and_amounts_still_add_up_to_the_ore()
    {
        long[] primes = [99_991, 7, 13, 104_729, 1, 65_537, 2, 3];
        foreach (var total in new[] { 0.01m, 0.07m, 1_234_567.89m, 99_999_999.99m, 10m })
        {
            var parts = Allocation.LargestRemainder(total, primes);
            Assert.Equal(total, parts.Sum());
            Assert.All(parts, p => Assert.Equal(p, decimal.Round(p, 2)));
        }
    }

    [Fact]
    public void the_largest_remainder_wins_over_the_order_of_the_parts()
    {
        // Quotas 0.333…, 0.666… öre: the one with the larger remainder gets the öre.
        Assert.Equal([0.00m, 0.01m], Allocation.LargestRemainder(0.01m, [1, 2]));
    }

    [Fact]
    public void amounts_not_in_whole_ore_and_empty_weights_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Allocation.LargestRemainder(1.005m, [1, 2]));
        Assert.Throws<ArgumentException>(() => Allocation.LargestRemainder(1m, []));
        Assert.Throws<ArgumentException>(() => Allocation.LargestRemainder(1m, [0, 0]));
    }

    [Property(MaxTest = 500)]
    public Property parts_add_up_exactly_stay_within_one_ore_of_the_exact_share_and_follow_the_weights() =>
        Prop.ForAll(
            Gen.Choose(0, int.MaxValue).Select(n => n / 100m).ToArbitrary(),
            Gen.ListOf(Gen.Choose(0, 2_000_000).Select(w => (long)w))
                .Where(l => l.Count > 0 && l.Sum() > 0)
                .Select(l => l.ToArray())
                .ToArbitrary(),
            (total, weights) =>
            {
                var parts = Allocation.LargestRemainder(total, weights);
                var sum = (decimal)weights.Sum();
                Assert.Equal(total, parts.Sum());
                for (var i = 0; i < weights.Length; i++)
                {
                    var exact = total * weights[i] / sum;
                    Assert.True(Math.Abs(parts[i] - exact) < 0.01m + 0.0000001m);
                    for (var j = 0; j < weights.Length; j++)
                        if (weights[i] > weights[j])
                            Assert.True(parts[i] >= parts[j]);
                }
            }
        );
}
