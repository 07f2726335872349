using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Governance.Infrastructure.Security;

public static class AuthenticationSetup
{
    /// <summary>
    /// Picks the scheme per request: bearer tokens for the API's clients, the sign-in cookie for people in the browser.
    /// </summary>
    public const string Scheme = "governance";

    /// <summary>
    /// The API takes JWT bearer tokens; the screens sign people in with a cookie. With Auth:Authority set, tokens come
    /// from that OpenID Connect provider (Auth:Audience, and Auth:NameClaim / Auth:RoleClaim where the provider names
    /// them otherwise), and with Auth:ClientId also set the screens sign in through it (authorization code flow).
    /// Without an authority, development tokens from the `token` command are accepted and the sign-in page offers the
    /// reference users.
    /// </summary>
    public static void AddGovernanceAuthentication(this WebApplicationBuilder builder, string stateFolder)
    {
        var auth = builder.Configuration.GetSection("Auth");
        var authority = auth["Authority"];
        var nameClaim = auth["NameClaim"] ?? DevelopmentTokens.NameClaim;
        var roleClaim = auth["RoleClaim"] ?? DevelopmentTokens.RoleClaim;
        // The picker signs anyone in as anyone: only on a developer's machine, or in a trial that says so.
        var signIn = new SignInOptions(
            DevelopmentUsers: string.IsNullOrWhiteSpace(authority)
                && (builder.Environment.IsDevelopment() || auth.GetValue<bool>("AllowReferenceUsers")),
            OpenIdConnect: !string.IsNullOrWhiteSpace(authority) && !string.IsNullOrWhiteSpace(auth["ClientId"])
        );
        builder.Services.AddSingleton(signIn);

        var authentication = builder
            .Services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Token or cookie", options => options.ForwardDefaultSelector = SelectScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = nameClaim;
                options.TokenValidationParameters.RoleClaimType = roleClaim;
                if (!string.IsNullOrWhiteSpace(authority))
                {
                    options.Authority = authority;
                    options.Audience = auth["Audience"];
                    options.RequireHttpsMetadata = auth.GetValue("RequireHttpsMetadata", true);
                }
                else
                {
                    options.TokenValidationParameters.ValidIssuer = DevelopmentTokens.Issuer;
                    options.TokenValidationParameters.ValidAudience = DevelopmentTokens.Audience;
                    options.TokenValidationParameters.IssuerSigningKey = DevelopmentTokens.SigningKey(
                        builder.Configuration,
                        stateFolder
                    );
                }
            })
            .AddCookie(
                CookieAuthenticationDefaults.AuthenticationScheme,
                options =>
                {
                    options.Cookie.Name = CookieName;
                    options.Cookie.HttpOnly = true;
                    // Strict: no other site can make the browser send it, the first line against forged requests.
                    options.Cookie.SameSite = SameSiteMode.Strict;
                    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    options.LoginPath = "/logga-in";
                    options.AccessDeniedPath = "/ingen-behorighet";
                    options.ExpireTimeSpan = TimeSpan.FromHours(10);
                    options.SlidingExpiration = true;
                    // The API answers as an API: 401 and 403, never a redirect a script would follow to an HTML page.
                    options.Events.OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized);
                    options.Events.OnRedirectToAccessDenied = context => ApiOr(context, StatusCodes.Status403Forbidden);
                    if (signIn.OpenIdConnect)
                        options.ForwardChallenge = OpenIdConnectDefaults.AuthenticationScheme;
                }
            );

        if (signIn.OpenIdConnect)
        {
            authentication.AddOpenIdConnect(options =>
            {
                options.Authority = authority;
                options.ClientId = auth["ClientId"];
                options.ClientSecret = auth["ClientSecret"];
                options.ResponseType = "code";
                options.UsePkce = true;
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = true;
                options.SaveTokens = false;
                options.RequireHttpsMetadata = auth.GetValue("RequireHttpsMetadata", true);
                options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.Scope.Clear();
                foreach (
                    var scope in (auth["Scopes"] ?? "openid profile").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                )
                    options.Scope.Add(scope);
                options.TokenValidationParameters.NameClaimType = nameClaim;
                options.TokenValidationParameters.RoleClaimType = roleClaim;
                // Roles and the municipality come from the provider; keep them on the cookie.
                options.ClaimActions.MapUniqueJsonKey(
                    DevelopmentTokens.MunicipalityClaim,
                    DevelopmentTokens.MunicipalityClaim
                );
                options.ClaimActions.MapJsonKey(roleClaim, roleClaim);
            });
        }
        builder.Services.AddAuthorization();
        builder.Services.AddAntiforgery(options =>
        {
            options.HeaderName = BrowserRequestForgery.HeaderName;
            options.Cookie.Name = "governance.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
    }

    public const string CookieName = "governance.session";

    /// <summary>
    /// Sign-in settings: a provider outside Development (or development tokens with a key, for a trial).
    /// </summary>
    public static void Check(IConfiguration configuration, Hosting.Settings.SettingProblems problems)
    {
        var auth = configuration.GetSection("Auth");
        var authority = auth["Authority"];
        var trial = bool.TryParse(auth["AllowDevelopmentTokens"], out var allowed) && allowed;
        if (string.IsNullOrWhiteSpace(authority))
        {
            if (!trial)
                problems.Missing(
                    "Auth:Authority",
                    "the OpenID Connect provider people sign in with "
                        + "(or Auth:AllowDevelopmentTokens=true with Auth:DevelopmentSigningKey, for a trial only)"
                );
            else if (string.IsNullOrWhiteSpace(auth["DevelopmentSigningKey"]))
                problems.Missing("Auth:DevelopmentSigningKey", "the trial's token key, shared by every node");
            if (!string.IsNullOrWhiteSpace(auth["ClientId"]))
                problems.Invalid("Auth:ClientId", "is set without Auth:Authority");
        }
        else
        {
            if (!Uri.TryCreate(authority, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
                problems.Invalid("Auth:Authority", $"is '{authority}': the provider's absolute https address");
            if (string.IsNullOrWhiteSpace(auth["Audience"]))
                problems.Missing("Auth:Audience", "the audience of the provider's tokens");
        }
        if (
            auth["DevelopmentSigningKey"] is { Length: > 0 } key
            && !(Convert.TryFromBase64String(key, new byte[key.Length], out var length) && length >= 32)
        )
            problems.Invalid("Auth:DevelopmentSigningKey", "is not base64 of at least 32 bytes");
    }

    public static bool CarriesBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (BrowserRequestForgery.IsApi(context.Request))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A bearer token wins; otherwise the browser's cookie. A request with neither is challenged as the API (401) under
    /// /api and the feeds, and sent to the sign-in page elsewhere.
    /// </summary>
    private static string SelectScheme(HttpContext context)
    {
        if (CarriesBearerToken(context.Request))
            return JwtBearerDefaults.AuthenticationScheme;
        if (context.Request.Cookies.ContainsKey(CookieName))
            return CookieAuthenticationDefaults.AuthenticationScheme;
        return BrowserRequestForgery.IsApi(context.Request)
            ? JwtBearerDefaults.AuthenticationScheme
            : CookieAuthenticationDefaults.AuthenticationScheme;
    }
}

/// <summary>
/// How people sign in to the screens here: the reference-user picker (development) and/or OpenID Connect.
/// </summary>
public sealed record SignInOptions(bool DevelopmentUsers, bool OpenIdConnect);
