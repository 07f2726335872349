using Microsoft.AspNetCore.Diagnostics;

namespace Governance.Infrastructure.Problems;

/// <summary>
/// While PostgreSQL cannot be reached every request that needs it answers 503 with Retry-After, not 500: the service
/// is fine and recovers by itself when the database is back (Npgsql opens new connections on the next request).
/// The API gets the problem details. A person in a browser gets a Swedish page instead: a JSON body would be shown
/// raw, and the page is a fixed document (no layout, no data, no script), so it cannot fail the way the page it
/// replaces did.
/// </summary>
internal sealed class DatabaseUnavailableExceptionHandler(ILogger<DatabaseUnavailableExceptionHandler> logger)
    : IExceptionHandler
{
    public const int RetryAfterSeconds = 10;

    private static readonly Lazy<byte[]> Page = new(() =>
    {
        using var resource = typeof(DatabaseUnavailableExceptionHandler).Assembly.GetManifestResourceStream(
            "Governance.Infrastructure.Problems.DatabaseUnavailable.html"
        )!;
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        return copy.ToArray();
    });

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!DatabaseOutage.IsCause(exception))
            return false;
        logger.LogWarning(
            "PostgreSQL cannot be reached: {Method} {Path} answered 503 ({Reason})",
            context.Request.Method,
            context.Request.Path,
            exception.GetBaseException().Message
        );

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = $"{RetryAfterSeconds}";
        context.Response.Headers.CacheControl = "no-store";
        if (WantsPage(context.Request))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.Body.WriteAsync(Page.Value, ct);
            return true;
        }
        // Problem+json whatever the Accept header says: a client that asked for another type still learns why.
        await Results.Problem(Problems.DatabaseUnavailable(RetryAfterSeconds)).ExecuteAsync(context);
        return true;
    }

    private static bool WantsPage(HttpRequest request) =>
        !BrowserRequestForgery.IsApi(request)
        && request
            .GetTypedHeaders()
            .Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
