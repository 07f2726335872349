namespace Governance.Infrastructure.Time;

/// <summary>The committee's calendar dates are dates in Europe/Stockholm, whatever the server's zone.</summary>
public static class StockholmTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateOnly Today(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
}
