namespace Governance.Infrastructure.Security;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The name recorded on events as the one who acted.</summary>
    public static string ActorName(this ClaimsPrincipal user) =>
        user.Identity?.Name ?? throw new InvalidOperationException("An authenticated user without a name claim");

    /// <summary>
    /// Members and registries act for their own municipality (the token's municipality claim, its official code);
    /// the secretary records on any municipality's behalf.
    /// </summary>
    public static bool MayActFor(this ClaimsPrincipal user, string municipalityCode) =>
        user.IsInRole(Roles.Secretary)
        || user.FindFirst(DevelopmentTokens.MunicipalityClaim)?.Value == municipalityCode;

    public static Microsoft.AspNetCore.Mvc.ProblemDetails ForbiddenFor(string municipalityCode) =>
        new()
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "Behörighet saknas",
            Detail = $"Du kan bara göra detta för din egen kommun, inte för {municipalityCode}.",
        };
}
