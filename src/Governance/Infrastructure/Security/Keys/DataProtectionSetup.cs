using Governance.Hosting.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Governance.Infrastructure.Security.Keys;

public static class DataProtectionSetup
{
    /// <summary>The application name every node shares: keys of one node decrypt what another protected.</summary>
    public const string ApplicationName = "Governance";

    /// <summary>
    /// ASP.NET Core Data Protection with its key ring in PostgreSQL (<see cref="DatabaseKeyRing"/>), protected at rest
    /// by the configured certificate or key. Cookies, antiforgery tokens, receipt links and webhook secrets use it.
    /// </summary>
    public static void AddGovernanceDataProtection(this IServiceCollection services, KeyProtectionOptions protection)
    {
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(
            provider => new ConfigureOptions<KeyManagementOptions>(options =>
                options.XmlRepository = new DatabaseKeyRing(
                    provider.GetRequiredService<IDocumentStore>(),
                    provider.GetRequiredService<TimeProvider>()
                )
            )
        );
        if (protection.LoadCertificate() is { } certificate)
        {
            builder.ProtectKeysWithCertificate(certificate);
        }
        else if (protection.KeyBytes() is { } key)
        {
            services.AddSingleton(new KeyAtRest(key));
            services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(
                provider => new ConfigureOptions<KeyManagementOptions>(options =>
                    options.XmlEncryptor = new KeyAtRestEncryptor(provider.GetRequiredService<KeyAtRest>())
                )
            );
        }
    }
}
