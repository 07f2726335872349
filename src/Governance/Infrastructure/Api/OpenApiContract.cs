using System.Text.Json.Nodes;
using Governance.Distribution;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Governance.Infrastructure.Api;

/// <summary>
/// What the OpenAPI document promises a client beyond the endpoints' shapes: where the service is, how to sign in and
/// who may call what, which errors an operation can give (each a problem details document), and the real media types
/// of the feeds, pages and files.
/// </summary>
public static class OpenApiContract
{
    public const string Bearer = "bearer";
    public const string Cookie = "cookie";

    private static readonly Dictionary<string, string> MediaTypes = new()
    {
        ["GetCalendarFeed"] = "text/calendar",
        ["GetMinutesFeed"] = "application/atom+xml",
        ["GetPrintableMinutes"] = "text/html",
        ["GetReceiptPage"] = "text/html",
        ["AcknowledgeReceiptByLink"] = "text/html",
        ["GetDocument"] = "application/octet-stream",
    };

    public static Task Document(
        OpenApiDocument document,
        OpenApiDocumentTransformerContext context,
        CancellationToken _
    )
    {
        var publicUrl = context
            .ApplicationServices.GetRequiredService<DistributionOptions>()
            .PublicBaseUrl.TrimEnd('/');
        document.Info.Title = "Governance – Södertörnskommunernas samarbetskommitté";
        document.Info.Description =
            "Kommandon och frågor för kommitténs register: kommuner, uppdrag, avtal, sammanträden, "
            + "minnesanteckningar, planer, avgifter och utskick. "
            + "Felsvar är problem enligt RFC 9457 på svenska; deras type "
            + "pekar på en sida som förklarar felet (/problem).";
        document.Info.License = new OpenApiLicense
        {
            Name = "Tillhör Södertörnskommunernas samarbetskommitté",
            Url = new Uri($"{publicUrl}/"),
        };
        document.Servers = [new OpenApiServer { Url = publicUrl, Description = "Tjänsten" }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description =
                    "En token från kommunernas OpenID Connect-leverantör "
                    + "med rollen (secretary, chair, member, registry) "
                    + "och, för ledamöter och registratorer, kommunens kod (municipality).",
            },
            [Cookie] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = Security.AuthenticationSetup.CookieName,
                Description =
                    "Inloggningen i webbläsaren; "
                    + "en ändring måste också bära sidans kontrollvärde (RequestVerificationToken).",
            },
        };
        // The framework's schemas of form files and results describe nothing a client sends or gets.
        foreach (var unused in new[] { "IFormFile", "IResult" })
            document.Components.Schemas?.Remove(unused);
        document.Tags = new HashSet<OpenApiTag>(
            OpenApiDocumentationPolicy
                .Features.Values.Where(f => f.Description.Length > 0)
                .Select(f => new OpenApiTag { Name = f.Tag, Description = f.Description })
        );
        return Task.CompletedTask;
    }

    public static Task Operation(
        OpenApiOperation operation,
        OpenApiOperationTransformerContext context,
        CancellationToken _
    )
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var path = context.Description.RelativePath ?? "";
        var write = context.Description.HttpMethod is not ("GET" or "HEAD");
        var roles = metadata
            .OfType<IAuthorizeData>()
            .SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
            .Select(r => r.Trim())
            .Distinct()
            .ToList();
        var signIn = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        operation.Responses ??= [];
        // A summary is one line; the doc comment in full is the description.
        if (operation.Summary is { } summary)
        {
            var text = string.Join(
                ' ',
                summary.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            );
            operation.Summary = OpenApiDocumentationPolicy.FirstSentence(text);
            if (
                string.IsNullOrWhiteSpace(operation.Description)
                || operation.Description.Contains('\n', StringComparison.Ordinal)
            )
                operation.Description = text;
        }
        if (metadata.OfType<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>().Any())
            Problem(operation, context, "429", "För många förfrågningar (Retry-After anger när)");

        if (signIn)
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Cookie, context.Document)] = [] },
            ];
            operation.Metadata ??= new Dictionary<string, object>();
            AddExtension(operation, "x-roles", new JsonArray([.. roles.Select(r => JsonValue.Create(r))]));
            var allowed = roles.Count == 0 ? "inloggad" : string.Join(", ", roles);
            operation.Description = $"{operation.Description}\n\nRoller: {allowed}.".TrimStart();
            Problem(operation, context, "401", "Inloggning krävs");
            if (roles.Count > 0 || write)
                Problem(operation, context, "403", "Behörighet saknas");
        }
        else
        {
            operation.Security = [];
            operation.Description = $"{operation.Description}\n\nÖppen: ingen inloggning krävs.".TrimStart();
            operation.Responses.Remove("401");
            operation.Responses.Remove("403");
        }

        var hasRouteValues = path.Contains('{', StringComparison.Ordinal);
        if (hasRouteValues)
            Problem(operation, context, "404", "Finns inte");
        else
            operation.Responses.Remove("404");
        if (write)
            Problem(operation, context, "409", "Bryter mot en regel eller utgick från en äldre version");
        else
            operation.Responses.Remove("409");
        if (write || operation.Parameters?.Any(p => p.In == ParameterLocation.Query) == true)
            Problem(operation, context, "400", "Uppgifterna är inte giltiga");
        else
            operation.Responses.Remove("400");

        if (operation.OperationId == "AttachDocument")
            DocumentUpload(operation);
        if (operation.OperationId is { } id && MediaTypes.TryGetValue(id, out var media))
            foreach (var success in operation.Responses.Where(r => r.Key.StartsWith('2')).Select(r => r.Value))
                if (success is OpenApiResponse response)
                    response.Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [media] = new()
                        {
                            Schema = new OpenApiSchema
                            {
                                Type = JsonSchemaType.String,
                                Format = media.StartsWith("application/octet", StringComparison.Ordinal)
                                    ? "binary"
                                    : null,
                            },
                        },
                    };
        return Task.CompletedTask;
    }

    /// <summary>The upload is a multipart form only: a title, the file and the version the client read.</summary>
    private static void DocumentUpload(OpenApiOperation operation)
    {
        if (operation.RequestBody is not OpenApiRequestBody body)
            return;
        body.Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "title", "file", "version" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 300 },
                        ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                        ["version"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                    },
                },
            },
        };
    }

    private static void Problem(
        OpenApiOperation operation,
        OpenApiOperationTransformerContext context,
        string status,
        string description
    )
    {
        var schema = status == "400" ? "HttpValidationProblemDetails" : "ProblemDetails";
        operation.Responses![status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, context.Document) },
            },
        };
    }

    private static void AddExtension(OpenApiOperation operation, string name, JsonNode value)
    {
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions[name] = new JsonNodeExtension(value);
    }
}
