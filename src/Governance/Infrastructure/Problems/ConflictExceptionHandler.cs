using JasperFx;
using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Governance.Infrastructure.Problems;

/// <summary>
/// Turns the store's own refusals into 409s: a stream started twice (two registrations of one code racing)
/// or a unique index hit. Stale versions are mapped by Wolverine's concurrency policy.
/// </summary>
internal sealed class ConflictExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var detail = exception switch
        {
            ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException => "Posten finns redan: den har registrerats samtidigt av någon annan.",
            ConcurrencyException => "Posten har ändrats av någon annan sedan du läste den. Läs in den igen och försök på nytt.",
            MartenCommandException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } or
                PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => "Posten finns redan.",
            _ => null,
        };
        if (detail is null) return false;

        context.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = 409, Title = "Konflikt", Detail = detail },
            Exception = exception,
        });
    }
}
