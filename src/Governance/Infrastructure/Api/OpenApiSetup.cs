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
        });

    /// <summary>The OpenAPI document at /openapi/v1.json and a browsable page at /api-docs.</summary>
    public static void MapGovernanceOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference("/api-docs", options => options.WithTitle("Governance API"));
    }
}
