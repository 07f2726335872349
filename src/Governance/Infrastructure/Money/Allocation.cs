namespace Governance.Infrastructure.Money;

/// <summary>
/// Splits an amount in proportion to weights (populations) by the largest-remainder method: every part is a
/// whole number of units (öre, or kronor) and the parts add up exactly to the whole.
/// </summary>
public static class Allocation
{
    public const decimal Ore = 0.01m;
    public const decimal Krona = 1m;

    public static IReadOnlyList<decimal> LargestRemainder(
        decimal total,
        IReadOnlyList<long> weights,
        decimal unit = Ore
    )
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(unit);
        if (weights.Count == 0)
            throw new ArgumentException("Nothing to split between.", nameof(weights));
        if (weights.Any(w => w < 0))
            throw new ArgumentException("Weights cannot be negative.", nameof(weights));
        var units = total / unit;
        if (units != decimal.Truncate(units))
            throw new ArgumentException($"{total} is not a whole number of {unit}.", nameof(total));

        var sign = Math.Sign(units);
        var whole = (Int128)Math.Abs(units);
        var weightSum = (Int128)weights.Sum();
        if (weightSum == 0)
            throw new ArgumentException("The weights add up to zero.", nameof(weights));

        // Exact integer arithmetic: each part's quota is whole * w / sum; floor it and keep the remainder.
        var floors = new Int128[weights.Count];
        var remainders = new Int128[weights.Count];
        for (var i = 0; i < weights.Count; i++)
        {
            var product = whole * weights[i];
            floors[i] = product / weightSum;
            remainders[i] = product % weightSum;
        }

        var left = whole;
        foreach (var f in floors)
            left -= f;
        // The units left over go to the largest remainders; ties to the larger weight, then the earlier part.
        foreach (
            var i in Enumerable
                .Range(0, weights.Count)
                .OrderByDescending(i => remainders[i])
                .ThenByDescending(i => weights[i])
                .ThenBy(i => i)
                .Take((int)left)
        )
        {
            floors[i] += 1;
        }
        return [.. floors.Select(f => sign * (decimal)f * unit)];
    }
}
