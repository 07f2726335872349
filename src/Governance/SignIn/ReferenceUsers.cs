using Governance.ReferenceData;

namespace Governance.SignIn;

/// <summary>
/// One person to sign in as locally: the name recorded on events, roles, and the municipality acted for.
/// </summary>
public sealed record ReferenceUser(
    string Key,
    string Name,
    string Description,
    IReadOnlyList<string> Roles,
    string? MunicipalityCode
)
{
    public ClaimsPrincipal ToPrincipal(string authenticationType)
    {
        var claims = new List<Claim> { new(DevelopmentTokens.NameClaim, Name), new("sub", Key) };
        claims.AddRange(Roles.Select(role => new Claim(DevelopmentTokens.RoleClaim, role)));
        if (MunicipalityCode is not null)
            claims.Add(new Claim(DevelopmentTokens.MunicipalityClaim, MunicipalityCode));
        return new ClaimsPrincipal(
            new ClaimsIdentity(claims, authenticationType, DevelopmentTokens.NameClaim, DevelopmentTokens.RoleClaim)
        );
    }
}

/// <summary>
/// The people of the reference data, for signing in without an identity provider (development and trials):
/// the secretariat at Huddinge, the 2020 chair, and each municipality's member and registry.
/// </summary>
public static class ReferenceUsers
{
    public static readonly IReadOnlyList<ReferenceUser> All = Build();

    public static ReferenceUser? Find(string? key) => All.FirstOrDefault(u => u.Key == key);

    private static List<ReferenceUser> Build()
    {
        var (chairCode, chairName) = Sodertorn.CommitteeChair2020;
        var (viceCode, viceName) = Sodertorn.CommitteeViceChair2020;
        var users = new List<ReferenceUser>
        {
            new("secretary", "Sekretariatet Huddinge", "Sekreterare", [Roles.Secretary], chairCode),
            new("chair", chairName, "Ordförande, ledamot för Huddinge", [Roles.Chair, Roles.Member], chairCode),
            new("vice-chair", viceName, "Vice ordförande, ledamot för Södertälje", [Roles.Member], viceCode),
        };
        foreach (var party in Sodertorn.Parties.Where(p => p.Code != chairCode && p.Code != viceCode))
            users.Add(
                new(
                    $"member-{party.Code}",
                    $"Ledamot {party.Name}",
                    $"Ledamot för {party.Name}",
                    [Roles.Member],
                    party.Code
                )
            );
        foreach (var party in Sodertorn.Parties)
            users.Add(
                new(
                    $"registry-{party.Code}",
                    $"Registrator {party.Name}",
                    $"Registrator, {party.Name}",
                    [Roles.Registry],
                    party.Code
                )
            );
        return users;
    }
}
