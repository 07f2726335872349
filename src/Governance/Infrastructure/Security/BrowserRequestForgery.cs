using Microsoft.AspNetCore.Antiforgery;

namespace Governance.Infrastructure.Security;

/// <summary>
/// The screens write through the same API as every other client, signed in by cookie. A browser sends cookies with any
/// request, so an API write carried by the cookie must also carry the page's antiforgery token in a header; bearer
/// clients are not affected (no cookie, nothing to forge).
/// </summary>
public static class BrowserRequestForgery
{
    public const string HeaderName = "RequestVerificationToken";

    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        || request.Path.StartsWithSegments("/calendar.ics")
        || request.Path.StartsWithSegments("/minutes.atom");

    public static IApplicationBuilder UseBrowserRequestForgeryCheck(this IApplicationBuilder app) =>
        app.Use(
            async (context, next) =>
            {
                var request = context.Request;
                var unsafeMethod = !(
                    HttpMethods.IsGet(request.Method)
                    || HttpMethods.IsHead(request.Method)
                    || HttpMethods.IsOptions(request.Method)
                );
                if (
                    unsafeMethod
                    && IsApi(request)
                    && context.User.Identity is { IsAuthenticated: true }
                    && !AuthenticationSetup.CarriesBearerToken(request)
                    && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context)
                )
                {
                    await Results
                        .Problem(
                            statusCode: StatusCodes.Status400BadRequest,
                            title: "Sidan behöver laddas om",
                            detail: "Begäran saknade sidans kontrollvärde (skydd mot förfalskade begäranden). "
                                + "Ladda om sidan och försök igen."
                        )
                        .ExecuteAsync(context);
                    return;
                }
                await next(context);
            }
        );
}
