using Alba;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Wolverine;

namespace Governance.Tests.Support;

/// <summary>
/// The service as in production (strict webhook addresses, HSTS, no reference-user picker), on a database of its own,
/// with the Södertörn reference data and development tokens accepted as in a trial.
/// </summary>
public static class ProductionService
{
    public static async Task<IAlbaHost> StartAsync(string databaseName)
    {
        var database = await TestDatabase.FreshDatabaseAsync(databaseName);
        return await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("GOVERNANCE_DB", database);
            // A fresh database whose user may create tables: the service applies its schema, as in a trial.
            web.UseSetting("Governance:ApplySchemaOnStart", "true");
            web.UseSetting("Governance:LoadReferenceData", "true");
            web.UseSetting("Auth:AllowDevelopmentTokens", "true");
            web.UseSetting("Auth:DevelopmentSigningKey", Convert.ToBase64String(AppFixture.SigningKeyBytes));
            web.ConfigureServices(services =>
            {
                services.MartenDaemonModeIsSolo();
                services.RunWolverineInSoloMode();
            });
        });
    }
}
