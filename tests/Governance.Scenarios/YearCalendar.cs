namespace Governance.Scenarios;

/// <summary>The committee meets on Thursdays 12.00–15.30, the management group on Fridays 8.30–11.00.</summary>
internal static class YearCalendar
{
    public static DateOnly Thursday(int year, int month, int fromDay) =>
        Next(new DateOnly(year, month, fromDay), DayOfWeek.Thursday);

    public static DateOnly Friday(int year, int month, int fromDay) =>
        Next(new DateOnly(year, month, fromDay), DayOfWeek.Friday);

    private static DateOnly Next(DateOnly from, DayOfWeek day) =>
        from.AddDays(((int)day - (int)from.DayOfWeek + 7) % 7);

    /// <summary>A small PDF, the same bytes each time: the document store addresses files by their SHA-256.</summary>
    public static byte[] Pdf(string title) =>
        System.Text.Encoding.UTF8.GetBytes(
            $"%PDF-1.4\n1 0 obj << /Title ({title}) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
        );
}
