using Microsoft.AspNetCore.Diagnostics;

namespace Governance.Infrastructure.Problems;

/// <summary>
/// A request the framework could not read (a form beyond its limits, a body larger than allowed, a broken
/// multipart, one cut short) is the client's fault: 400 or the framework's own 4xx, in Swedish, never a 500 — and,
/// handled here, never logged as an error of the service.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext context,
        Exception exception,
        CancellationToken cancellationToken
    )
    {
        var status = exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            InvalidDataException => StatusCodes.Status400BadRequest,
            // A multipart body that ends before its closing boundary: the form reader's own complaint.
            IOException { Source: "Microsoft.AspNetCore.WebUtilities" } => StatusCodes.Status400BadRequest,
            _ => 0,
        };
        if (status is < 400 or >= 500)
            return false;

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(
            new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = status,
                    Title = "Begäran kunde inte läsas",
                    Detail =
                        status == StatusCodes.Status413PayloadTooLarge
                            ? "Innehållet är större än vad tjänsten tar emot."
                            : "Innehållet har fel form eller är större än vad tjänsten tar emot "
                                + "(formulär, filnamn eller fält).",
                },
                Exception = exception,
            }
        );
    }
}
