using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Governance.Infrastructure.Security;

public static class AuthenticationSetup
{
    /// <summary>
    /// JWT bearer sign-in. With Auth:Authority set, tokens come from that OpenID Connect provider
    /// (Auth:Audience, and Auth:NameClaim / Auth:RoleClaim where the provider names them otherwise).
    /// Without it, development tokens from the `token` command are accepted.
    /// </summary>
    public static void AddGovernanceAuthentication(this WebApplicationBuilder builder, string stateFolder)
    {
        var auth = builder.Configuration.GetSection("Auth");
        var authority = auth["Authority"];
        if (string.IsNullOrWhiteSpace(authority) && builder.Environment.IsProduction() &&
            !auth.GetValue<bool>("AllowDevelopmentTokens"))
        {
            throw new InvalidOperationException(
                "Auth:Authority is not set. In production set Auth__Authority and Auth__Audience to your OpenID Connect " +
                "provider, or set Auth__AllowDevelopmentTokens=true (with Auth__DevelopmentSigningKey) for a trial.");
        }

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = auth["NameClaim"] ?? DevelopmentTokens.NameClaim;
            options.TokenValidationParameters.RoleClaimType = auth["RoleClaim"] ?? DevelopmentTokens.RoleClaim;
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
                options.TokenValidationParameters.IssuerSigningKey =
                    DevelopmentTokens.SigningKey(builder.Configuration, stateFolder);
            }
        });
        builder.Services.AddAuthorization();
    }
}
