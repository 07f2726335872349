using Governance.Infrastructure.Security;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Scenarios;

/// <summary>Development tokens for the cast, for a service that accepts them (Development, or a trial).</summary>
public static class ScenarioTokens
{
    /// <summary>Tokens signed with the service's development key, named after <see cref="Cast"/>.</summary>
    public static Func<string, string?, string> Development(byte[] signingKey)
    {
        var key = new SymmetricSecurityKey(signingKey);
        return (role, municipality) =>
            DevelopmentTokens.Issue(
                key,
                Cast.NameFor(role, municipality),
                [role],
                TimeSpan.FromHours(4),
                TimeProvider.System,
                role is "member" or "registry" ? municipality : null
            );
    }
}
