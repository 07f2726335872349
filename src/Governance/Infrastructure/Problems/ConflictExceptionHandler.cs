using JasperFx;
using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Governance.Infrastructure.Problems;

/// <summary>
/// Turns the store's own refusals into 409s (and a command on an unknown stream into a 404): a stream started twice
/// (two registrations of one code racing)
/// or a unique index hit, and a stale version (with both versions where the store names them).
/// </summary>
internal sealed class ConflictExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext context,
        Exception exception,
        CancellationToken cancellationToken
    )
    {
        // A command fetched at its expected version from a stream that does not exist: the stream is unknown (404).
        if (
            exception is ConcurrencyException
            && StaleVersions.Of(exception) is (_, 0)
            &&
            // The handler runs with the endpoint cleared; the feature keeps the failed request's endpoint and route.
            context.Features.Get<IExceptionHandlerFeature>()
                is { Endpoint: { } endpoint } failed
            && endpoint.Metadata.GetMetadata<Aggregates.MissingStream>() is { } missing
        )
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return await problems.TryWriteAsync(
                new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = missing.Problem(failed.RouteValues),
                    Exception = exception,
                }
            );
        }

        var problem = exception switch
        {
            ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException => Exists(
                "Posten finns redan: den har registrerats samtidigt av någon annan."
            ),
            ConcurrencyException stale => StaleVersions.Of(stale) is var (expected, actual)
                ? Problems.StaleVersion(expected, actual)
                : new ProblemDetails
                {
                    Type = ProblemTypes.StaleVersion.Path,
                    Status = 409,
                    Title = ProblemTypes.StaleVersion.Title,
                    Detail =
                        "Posten har ändrats av någon annan sedan du läste den. Läs in den igen och försök på nytt.",
                },
            MartenCommandException
            {
                InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
            }
            or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => Exists("Posten finns redan."),
            _ => null,
        };
        if (problem is null)
            return false;

        context.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(
            new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = problem,
                Exception = exception,
            }
        );
    }

    private static ProblemDetails Exists(string detail) =>
        new()
        {
            Type = ProblemTypes.AlreadyExists.Path,
            Status = 409,
            Title = ProblemTypes.AlreadyExists.Title,
            Detail = detail,
        };
}
