using System.Text.RegularExpressions;

namespace Governance.Tests.Contract;

/// <summary>
/// Who may give an operation, as the README's API table says: roles, and whether members and registries may act only
/// for their own municipality; or anyone.
/// </summary>
public sealed record WhoMay(bool Anyone, IReadOnlySet<string> Roles, IReadOnlySet<string> OwnMunicipalityOnly);

/// <summary>The README's API table read as the contract of who may do what, one row per operation.</summary>
public static partial class RoleTable
{
    public static IReadOnlyDictionary<string, WhoMay> FromReadme(string readme) =>
        Row().Matches(readme).ToDictionary(m => m.Groups["op"].Value, m => Parse(m.Groups["who"].Value));

    private static WhoMay Parse(string who)
    {
        if (who.StartsWith("anyone", StringComparison.Ordinal))
            return new(true, new HashSet<string>(), new HashSet<string>());
        var parts = who.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var roles = parts.Select(p => p.Split(' ')[0]).ToHashSet();
        var own = parts
            .Where(p => p.EndsWith("(own)", StringComparison.Ordinal))
            .Select(p => p.Split(' ')[0])
            .ToHashSet();
        return new(false, roles, own);
    }

    [GeneratedRegex(
        @"^\| `(?<op>[A-Za-z]+)` \| `(?:POST|PUT|PATCH|DELETE) [^|]*\| (?<who>[^|]+?) \|",
        RegexOptions.Multiline
    )]
    private static partial Regex Row();
}
