using Governance.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Governance.Pages;

/// <summary>Sign-in: through the OpenID Connect provider in production, by picking a reference user locally.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoggaInModel(SignInOptions options) : PageModel
{
    public SignInOptions Options => options;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnPostProvider() =>
        options.OpenIdConnect
            ? Challenge(
                new AuthenticationProperties { RedirectUri = SafeReturnUrl },
                OpenIdConnectDefaults.AuthenticationScheme
            )
            : NotFound();

    public async Task<IActionResult> OnPostReferenceUserAsync(string user)
    {
        if (!options.DevelopmentUsers || ReferenceUsers.Find(user) is not { } chosen)
            return NotFound();
        await HttpContext.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            chosen.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme)
        );
        return LocalRedirect(SafeReturnUrl);
    }

    /// <summary>
    /// Signs out here, and with a provider also there (its end-session endpoint), so the next sign-in asks again.
    /// </summary>
    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!options.OpenIdConnect)
            return LocalRedirect("/");
        try
        {
            await HttpContext.SignOutAsync(
                OpenIdConnectDefaults.AuthenticationScheme,
                new AuthenticationProperties { RedirectUri = "/" }
            );
            return new EmptyResult();
        }
        catch (InvalidOperationException)
        {
            return LocalRedirect("/"); // the provider publishes no end-session endpoint: signed out here only
        }
    }

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
