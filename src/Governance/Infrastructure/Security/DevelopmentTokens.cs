using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Infrastructure.Security;

/// <summary>
/// Tokens for local use, signed with a development key kept in the project-local state folder
/// (or given as Auth:DevelopmentSigningKey). Production uses an OpenID Connect authority instead.
/// </summary>
public static class DevelopmentTokens
{
    public const string Issuer = "governance-development";
    public const string Audience = "governance";
    public const string NameClaim = "name";
    public const string RoleClaim = "role";
    public const string MunicipalityClaim = "municipality";

    public static SymmetricSecurityKey SigningKey(IConfiguration configuration, string stateFolder)
    {
        if (configuration["Auth:DevelopmentSigningKey"] is { Length: > 0 } configured)
            return new SymmetricSecurityKey(Convert.FromBase64String(configured));

        var file = Path.Combine(stateFolder, "development-signing-key");
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(stateFolder);
            File.WriteAllText(
                file,
                Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))
            );
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(file).Trim()));
    }

    public static string Issue(
        SecurityKey key,
        string name,
        IEnumerable<string> roles,
        TimeSpan lifetime,
        TimeProvider clock,
        string? municipality = null
    )
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new List<Claim> { new(NameClaim, name), new("sub", name) };
        if (municipality is not null)
            claims.Add(new Claim(MunicipalityClaim, municipality));
        claims.AddRange(roles.Select(r => new Claim(RoleClaim, r)));
        return new JsonWebTokenHandler().CreateToken(
            new SecurityTokenDescriptor
            {
                Issuer = Issuer,
                Audience = Audience,
                Subject = new ClaimsIdentity(claims),
                NotBefore = now.AddMinutes(-1),
                IssuedAt = now,
                Expires = now.Add(lifetime),
                SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
            }
        );
    }
}
