using System.Text.Json.Serialization.Metadata;
using Governance.Infrastructure.Validation;
using Scalar.AspNetCore;

namespace Governance.Infrastructure.Api;

public static class OpenApiSetup
{
    public static void AddGovernanceOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Governance – Södertörnskommunernas samarbetskommitté";
                document.Info.Description = "Kommandon och frågor för kommitténs register: kommuner, uppdrag, avtal, möten och protokoll.";
                return Task.CompletedTask;
            });
            // Required means what the body check enforces: not nullable and no default. Optional fields are left out.
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = context.JsonTypeInfo;
                if (context.JsonPropertyInfo is null && type.Kind == JsonTypeInfoKind.Object && schema.Properties is { Count: > 0 })
                {
                    var required = CommandShape.Of(type.Type, type.Options).Fields.Where(f => f.Required).Select(f => f.Name);
                    schema.Required = new HashSet<string>(required);
                }
                return Task.CompletedTask;
            });
        });

    /// <summary>The OpenAPI document at /openapi/v1.json and a browsable page at /api-docs.</summary>
    public static void MapGovernanceOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference("/api-docs", options => options.WithTitle("Governance API"));
    }
}
