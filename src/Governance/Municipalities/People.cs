namespace Governance.Municipalities;

public static class People
{
    /// <summary>The same person as recorded: names compared without surrounding spaces or letter case.</summary>
    public static bool SamePerson(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.CurrentCultureIgnoreCase);
}
