namespace Governance.Infrastructure.Security;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The name recorded on events as the one who acted.</summary>
    public static string ActorName(this ClaimsPrincipal user) =>
        user.Identity?.Name ?? throw new InvalidOperationException("An authenticated user without a name claim");
}
