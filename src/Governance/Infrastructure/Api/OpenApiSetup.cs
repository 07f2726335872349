using System.Text.Json.Serialization.Metadata;
using Governance.Infrastructure.Validation;
using Scalar.AspNetCore;

namespace Governance.Infrastructure.Api;

public static class OpenApiSetup
{
    public static void AddGovernanceOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(
            "v1",
            options =>
            {
                options.AddDocumentTransformer(OpenApiContract.Document);
                options.AddOperationTransformer(OpenApiContract.Operation);
                // Required means what the body check enforces: not nullable and no default. Optional fields are left
                // out.
                options.AddSchemaTransformer(
                    (schema, context, _) =>
                    {
                        var type = context.JsonTypeInfo;
                        if (
                            context.JsonPropertyInfo is null
                            && type.Kind == JsonTypeInfoKind.Object
                            && schema.Properties is { Count: > 0 }
                        )
                        {
                            var required = CommandShape
                                .Of(type.Type, type.Options)
                                .Fields.Where(f => f.Required)
                                .Select(f => f.Name);
                            schema.Required = new HashSet<string>(required);
                        }
                        return Task.CompletedTask;
                    }
                );
            }
        );

    /// <summary>The OpenAPI document at /openapi/v1.json and a browsable page at /api-docs.</summary>
    public static void MapGovernanceOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(
                "/api-docs",
                options => options.WithTitle("Governance API").WithNonce().DisableDefaultFonts()
            ) // fonts from Scalar's CDN: neither allowed nor needed
            .WithMetadata(new OwnContentSecurityPolicy(ScalarPolicy));
    }

    /// <summary>
    /// The API page is Scalar's, not ours: its start is an inline module script, allowed by the nonce Scalar puts on
    /// its script tags for this one answer. Its components set styles at run time (style elements and attributes), so
    /// styles are inline here, and only here, where the page shows nothing but our own API description. Eval stays
    /// refused: the bundle only probes for it and works without.
    /// </summary>
    private static string ScalarPolicy(HttpContext context)
    {
        // Its redirect to /api-docs/ and its script files have no nonce.
        var nonce = context.Items[ScalarOptions.NonceHttpContextItemKey] is string value ? $" 'nonce-{value}'" : "";
        return $"default-src 'self'; script-src 'self'{nonce}; style-src 'self' 'unsafe-inline'; img-src 'self'; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    }
}
