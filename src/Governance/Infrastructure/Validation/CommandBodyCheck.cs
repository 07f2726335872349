using System.Text.Json;
using JasperFx;
using JasperFx.CodeGeneration;
using Microsoft.Extensions.Options;
using Wolverine.Http.CodeGen;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Governance.Infrastructure.Validation;

/// <summary>Endpoint metadata: this endpoint reads a JSON command of the given type.</summary>
public sealed record CommandBody(Type Type);

/// <summary>Endpoint metadata: this endpoint reads a form (a document upload, a receipt).</summary>
public sealed record FormBody;

/// <summary>Marks every Wolverine endpoint that reads a body with what it reads.</summary>
internal sealed class CommandBodyPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            if (chain.IsFormData)
                chain.Metadata.WithMetadata(new FormBody());
            else if (chain.HasRequestType)
                chain.Metadata.WithMetadata(new CommandBody(chain.RequestType!));
        }
    }
}

/// <summary>
/// Checks a command's JSON before the endpoint reads it (<see cref="RequestShape"/>): malformed JSON, a missing field,
/// a null, a wrong type or text PostgreSQL cannot store is a 400 naming each field, and nothing further runs.
/// The body is buffered so the endpoint reads the same bytes again.
/// </summary>
public static class CommandBodyCheck
{
    /// <summary>Largest JSON command accepted; files come as multipart, not JSON.</summary>
    public const long MaxBytes = 1024 * 1024;

    public static IApplicationBuilder UseCommandBodyCheck(this IApplicationBuilder app) =>
        app.Use(
            async (context, next) =>
            {
                var metadata = context.GetEndpoint()?.Metadata;
                if (metadata?.GetMetadata<FormBody>() is not null && !context.Request.HasFormContentType)
                {
                    await UnsupportedMediaType(context, "ett formulär (multipart/form-data)");
                    return;
                }
                if (metadata?.GetMetadata<CommandBody>() is not { } body)
                {
                    await next(context);
                    return;
                }
                if (!context.Request.HasJsonContentType())
                {
                    await UnsupportedMediaType(context, "JSON (application/json)");
                    return;
                }
                var options = context
                    .RequestServices.GetRequiredService<IOptions<HttpJsonOptions>>()
                    .Value.SerializerOptions;
                if (await ProblemsInAsync(context.Request, body.Type, options) is { } errors)
                {
                    await Results
                        .ValidationProblem(
                            errors,
                            title: "Uppgifterna är inte giltiga",
                            detail: "Rätta fälten nedan och försök igen."
                        )
                        .ExecuteAsync(context);
                    return;
                }
                await next(context);
            }
        );

    private static async Task<Dictionary<string, string[]>?> ProblemsInAsync(
        HttpRequest request,
        Type type,
        JsonSerializerOptions options
    )
    {
        if (request.ContentLength > MaxBytes)
            return Fault($"Innehållet får vara högst {MaxBytes / 1024} kB.");
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBytes);
        try
        {
            using var document = await JsonDocument.ParseAsync(
                request.Body,
                default,
                request.HttpContext.RequestAborted
            );
            var errors = RequestShape.Check(document.RootElement, CommandShape.Of(type, options), options);
            return errors.Count > 0 ? errors : null;
        }
        catch (JsonException e)
        {
            var at = e.LineNumber is { } line ? $" (rad {line + 1}, tecken {e.BytePositionInLine + 1})" : "";
            return Fault($"Innehållet är inte giltig JSON{at}.");
        }
        catch (IOException)
        {
            return Fault($"Innehållet får vara högst {MaxBytes / 1024} kB.");
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static Task UnsupportedMediaType(HttpContext context, string expected) =>
        Results
            .Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Fel innehållstyp",
                detail: $"Innehållet ska skickas som {expected}."
            )
            .ExecuteAsync(context);

    private static Dictionary<string, string[]> Fault(string message) => new() { [RequestShape.Root] = [message] };
}
