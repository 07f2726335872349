namespace Governance.Infrastructure.Security;

/// <summary>The roles of design.md. A write names the roles that may do it.</summary>
public static class Roles
{
    public const string Secretary = "secretary";
    public const string Chair = "chair";
    public const string Member = "member";
    public const string Registry = "registry";

    public static readonly IReadOnlyList<string> All = [Secretary, Chair, Member, Registry];
}
