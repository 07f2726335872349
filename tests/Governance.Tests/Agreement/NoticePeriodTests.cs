using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Governance.Agreement;

namespace Governance.Tests.Agreement;

public class NoticePeriodTests
{
    [Theory]
    // design.md's worked example: received 2021-06-15 → counts from 2021-07-01 → member to 2022-06-30 → withdrawn
    // 2022-07-01.
    [InlineData("2021-06-15", "2021-07-01", "2022-06-30", "2022-07-01")]
    // Received on the 1st counts from the 1st of the next month.
    [InlineData("2021-06-01", "2021-07-01", "2022-06-30", "2022-07-01")]
    [InlineData("2021-06-30", "2021-07-01", "2022-06-30", "2022-07-01")]
    // Year end and month ends.
    [InlineData("2021-12-31", "2022-01-01", "2022-12-31", "2023-01-01")]
    [InlineData("2021-01-31", "2021-02-01", "2022-01-31", "2022-02-01")]
    // Leap years: a period through 29 February, and one ending on it.
    [InlineData("2023-02-28", "2023-03-01", "2024-02-29", "2024-03-01")]
    [InlineData("2024-02-29", "2024-03-01", "2025-02-28", "2025-03-01")]
    [InlineData("2024-01-31", "2024-02-01", "2025-01-31", "2025-02-01")]
    public void the_period_counts_from_the_first_month_boundary_after_receipt(
        string received,
        string starts,
        string lastDay,
        string withdrawal
    )
    {
        var period = NoticePeriod.For(DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(starts, System.Globalization.CultureInfo.InvariantCulture), period.StartsOn);
        Assert.Equal(
            DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture),
            period.LastDayOfMembership
        );
        Assert.Equal(
            DateOnly.Parse(withdrawal, System.Globalization.CultureInfo.InvariantCulture),
            period.WithdrawalDate
        );
    }

    [Fact]
    public void every_receipt_day_of_2019_to_2032_gives_a_period_that_obeys_section_2()
    {
        for (var day = new DateOnly(2019, 1, 1); day <= new DateOnly(2032, 12, 31); day = day.AddDays(1))
            AssertObeysSection2(NoticePeriod.For(day));
    }

    [Property(MaxTest = 2000)]
    public Property any_receipt_day_gives_a_period_that_obeys_section_2() =>
        Prop.ForAll(
            Gen.Choose(0, 365 * 200).Select(n => new DateOnly(1971, 1, 1).AddDays(n)).ToArbitrary(),
            day =>
            {
                AssertObeysSection2(NoticePeriod.For(day));
            }
        );

    private static void AssertObeysSection2(NoticePeriod p)
    {
        var received = p.ReceivedOn;
        // Counted from the 1st of the month after the month of receipt, strictly after the day of receipt.
        Assert.Equal(1, p.StartsOn.Day);
        Assert.True(p.StartsOn > received);
        Assert.Equal(new DateOnly(received.Year, received.Month, 1).AddMonths(1), p.StartsOn);
        // Twelve whole months: withdrawal on a 1st, twelve months after the start; membership to the day before.
        Assert.Equal(1, p.WithdrawalDate.Day);
        Assert.Equal(p.StartsOn.AddMonths(12), p.WithdrawalDate);
        Assert.Equal(p.WithdrawalDate.AddDays(-1), p.LastDayOfMembership);
        Assert.Equal(p.StartsOn.Month == 1 ? 12 : p.StartsOn.Month - 1, p.LastDayOfMembership.Month);
        var days = p.WithdrawalDate.DayNumber - p.StartsOn.DayNumber;
        Assert.InRange(days, 365, 366);
        Assert.InRange(p.WithdrawalDate.DayNumber - received.DayNumber, 366, 366 + 31);
    }
}
