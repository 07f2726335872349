using System.Globalization;
using Governance.Tests.Browser;
using Governance.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Tests.Operations;

/// <summary>
/// The product on real Kestrel in this process over one database, as in production (development tokens accepted, as
/// in a trial), with the registries' mail server and the test's clock.
/// </summary>
public sealed class ServiceHost(WebApplication app, string database) : IAsyncDisposable
{
    public RunningService Service { get; } =
        new(new HttpClient { BaseAddress = new Uri(ProductHost.BaseUrl(app)) }, database);

    public IServiceProvider Services => app.Services;

    public static async Task<ServiceHost> StartAsync(
        TimeProvider clock,
        string database,
        TestSmtpServer smtp,
        IDictionary<string, string?>? more = null,
        Action<IServiceCollection>? services = null
    )
    {
        var settings = new Dictionary<string, string?>
        {
            ["GOVERNANCE_DB"] = database,
            ["Governance:LoadReferenceData"] = "true",
            ["Auth:AllowDevelopmentTokens"] = "true",
            ["Auth:DevelopmentSigningKey"] = Convert.ToBase64String(AppFixture.SigningKeyBytes),
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Distribution:PublicBaseUrl"] = RunningService.PublicBaseUrl,
            ["Distribution:ReceiptKey"] = Convert.ToBase64String(RunningService.ReceiptKey),
            ["DataProtection:Key"] = ProductionService.Settings["DataProtection:Key"],
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
            settings[key] = value;
        var host = new ServiceHost(await ProductHost.StartAsync(clock, settings, "Production", services), database);
        await host.Service.WaitUntilReadyAsync();
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        Service.Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
