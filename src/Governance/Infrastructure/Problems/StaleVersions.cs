using System.Text.RegularExpressions;

namespace Governance.Infrastructure.Problems;

/// <summary>
/// The versions in the event store's refusal of a stale append. The store names them only in its message
/// ("Expected the existing version to be 2, but was 3"; "expected 0 but was -1"), so they are read from there.
/// </summary>
public static partial class StaleVersions
{
    public static (long Expected, long Actual)? Of(Exception exception)
    {
        var match = Versions().Match(exception.Message);
        return match.Success
            ? (
                long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                Math.Max(0, long.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))
            )
            : null;
    }

    [GeneratedRegex(@"[Ee]xpected (?:the existing version to be )?(-?\d+),? but was (-?\d+)")]
    private static partial Regex Versions();
}
