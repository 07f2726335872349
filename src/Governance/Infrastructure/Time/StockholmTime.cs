namespace Governance.Infrastructure.Time;

/// <summary>The committee's calendar dates are dates in Europe/Stockholm, whatever the server's zone.</summary>
public static class StockholmTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateTimeOffset ToStockholm(this DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone);

    /// <summary>The time of day in Stockholm now: the default for times entered during a meeting.</summary>
    public static TimeOnly TimeOfDay(this TimeProvider clock) =>
        TimeOnly.FromDateTime(clock.GetUtcNow().ToStockholm().DateTime);

    public static DateOnly Today(this TimeProvider clock) => clock.GetUtcNow().StockholmDate();

    /// <summary>
    /// The calendar date in Stockholm of a moment (00.30 Swedish time is that day, not the UTC day before).
    /// </summary>
    public static DateOnly StockholmDate(this DateTimeOffset moment) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Zone).DateTime);
}
