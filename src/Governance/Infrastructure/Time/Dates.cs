namespace Governance.Infrastructure.Time;

/// <summary>Bounds that catch a mistyped year without limiting the record's real span.</summary>
public static class Dates
{
    /// <summary>Sweden's municipalities in their present form date from the 1971 reform.</summary>
    public const int FirstYear = 1971;
    public const int LastYear = 2200;
    public const string PlausibleMessage = "Datumet ska ligga mellan 1971 och 2200.";

    /// <summary>The year a page asks for when it is plausible, else this year.</summary>
    public static int YearOrCurrent(int? year, TimeProvider clock) =>
        year is { } given && IsPlausible(given) ? given : clock.Today().Year;

    public static bool IsPlausible(DateOnly date) => IsPlausible(date.Year);

    public static bool IsPlausible(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>For an endpoint's Validate: a year asked for within the bounds (or none) goes on, else 400.</summary>
    public static ProblemDetails YearWithinBounds(int? year, string what = "Året") =>
        year is null || IsPlausible(year.Value) ? WolverineContinue.NoProblems : YearOutOfRange(what);

    /// <summary>A year asked for outside the bounds: 400, naming the field `year`.</summary>
    public static ProblemDetails YearOutOfRange(string what = "Året") =>
        Problems.Problems.InvalidField("year", $"{what} ska ligga mellan {FirstYear} och {LastYear}.");

    /// <summary>
    /// An act that has happened (a payment made, a notice received, a decision taken) is dated today at the latest,
    /// today being the date in Stockholm. Dates of what is planned (a meeting, an office from next month) may be later.
    /// </summary>
    public static bool HasHappenedBy(DateOnly date, DateOnly today) => date <= today;

    public static string FutureMessage(DateOnly today) =>
        $"Datumet kan inte ligga i framtiden: i dag är det {Iso(today)}.";

    /// <summary>A date as the record writes it in messages: 2021-06-15.</summary>
    public static string Iso(DateOnly date) =>
        date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
