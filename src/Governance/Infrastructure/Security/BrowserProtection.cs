namespace Governance.Infrastructure.Security;

/// <summary>
/// What the browser may do with our answers, set once for every answer: scripts and styles only from our own files
/// (no inline code, so injected markup cannot run), no framing by other sites, no MIME sniffing, no full URLs in the
/// Referer to other sites, no device features, and HSTS over HTTPS outside Development.
/// </summary>
public static class BrowserProtection
{
    /// <summary>
    /// The pages' policy. form-action also names the sign-in provider: signing in and out posts a form that is
    /// redirected there, and the browser checks form-action on that redirect too.
    /// </summary>
    public static string PagePolicy(string? signInProvider) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; "
        + $"form-action 'self'{(signInProvider is null ? "" : " " + signInProvider)}; frame-ancestors 'none'";

    /// <summary>Nothing here uses a camera, a microphone, the location or payments: off, for any frame too.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), "
        + "microphone=(), midi=(), payment=(), publickey-credentials-get=(), serial=(), usb=()";

    public static void AddBrowserProtection(this WebApplicationBuilder builder)
    {
        var authority = builder.Configuration["Auth:Authority"];
        var provider =
            !string.IsNullOrWhiteSpace(authority) && Uri.TryCreate(authority, UriKind.Absolute, out var uri)
                ? uri.GetLeftPart(UriPartial.Authority)
                : null;
        builder.Services.AddSingleton(new PagePolicyHeader(PagePolicy(provider)));
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
    }

    /// <summary>First in the pipeline, so error answers and static files carry the headers too.</summary>
    public static void UseBrowserProtection(this WebApplication app)
    {
        // UseHsts answers only requests that came over HTTPS (or were forwarded as such), never localhost.
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        var pagePolicy = app.Services.GetRequiredService<PagePolicyHeader>().Value;
        app.Use(
            (context, next) =>
            {
                var response = context.Response;
                response.OnStarting(() =>
                {
                    var headers = response.Headers;
                    headers.XContentTypeOptions = "nosniff";
                    headers.XFrameOptions = "DENY"; // for browsers that predate frame-ancestors
                    headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                    headers["Permissions-Policy"] = PermissionsPolicy;
                    // An answer with a policy of its own keeps it (an uploaded file's sandbox, the printable minutes).
                    if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
                    {
                        var own = context.GetEndpoint()?.Metadata.GetMetadata<OwnContentSecurityPolicy>();
                        headers.ContentSecurityPolicy = own?.For(context) ?? pagePolicy;
                    }
                    return Task.CompletedTask;
                });
                return next(context);
            }
        );
    }

    private sealed record PagePolicyHeader(string Value);
}

/// <summary>Endpoint metadata: this endpoint answers with a policy of its own, computed per request.</summary>
public sealed record OwnContentSecurityPolicy(Func<HttpContext, string> For);
