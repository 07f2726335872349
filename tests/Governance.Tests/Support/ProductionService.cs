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
    /// <summary>
    /// Everything production demands besides the database: a trial's sign-in, the public address, mail, keys.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Auth:AllowDevelopmentTokens"] = "true",
        ["Auth:DevelopmentSigningKey"] = Convert.ToBase64String(AppFixture.SigningKeyBytes),
        ["Distribution:PublicBaseUrl"] = "https://samarbetskommitten.test",
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = "2525",
        ["DataProtection:Key"] = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray()),
        // The tests' databases are new: the service applies its schema itself, as an operator's db-apply would.
        ["Governance:ApplySchemaOnStart"] = "true",
    };

    public static async Task<IAlbaHost> StartAsync(string databaseName)
    {
        var database = await TestDatabase.FreshDatabaseAsync(databaseName);
        return await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("GOVERNANCE_DB", database);
            // A fresh database whose user may create tables: the service applies its schema, as in a trial.
            web.UseSetting("Governance:LoadReferenceData", "true");
            foreach (var (key, value) in Settings)
                web.UseSetting(key, value);
            web.ConfigureServices(services =>
            {
                services.MartenDaemonModeIsSolo();
                services.RunWolverineInSoloMode();
            });
        });
    }
}
