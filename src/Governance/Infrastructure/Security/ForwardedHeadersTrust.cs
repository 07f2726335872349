using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Governance.Infrastructure.Security;

/// <summary>
/// Behind a reverse proxy that ends TLS (ASPNETCORE_FORWARDEDHEADERS_ENABLED=true) the request is read as the proxy
/// received it: scheme, host and client address from X-Forwarded-Proto, -Host and -For. Only from the proxies named in
/// Proxy:KnownProxies (addresses) and Proxy:KnownNetworks (CIDR ranges), this machine's loopback when neither is set:
/// anyone else could otherwise claim to be https, another host or another client (and so escape the rate limits).
/// ASP.NET Core's own switch trusts every sender; these options narrow it, for its middleware and for ours alike.
/// </summary>
public static class ForwardedHeadersTrust
{
    public static bool IsOn(IConfiguration configuration) =>
        string.Equals(configuration["FORWARDEDHEADERS_ENABLED"], "true", StringComparison.OrdinalIgnoreCase);

    public static void AddForwardedHeadersTrust(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Proxy");
        var proxies = Split(section["KnownProxies"])
            .Select(a => IPAddress.TryParse(a, out var address) ? address : throw Invalid("Proxy:KnownProxies", a))
            .ToList();
        var networks = Split(section["KnownNetworks"])
            .Select(n =>
                System.Net.IPNetwork.TryParse(n, out var network) ? network : throw Invalid("Proxy:KnownNetworks", n)
            )
            .ToList();
        if (proxies.Count == 0 && networks.Count == 0)
            proxies = [IPAddress.Loopback, IPAddress.IPv6Loopback];

        // After ASP.NET Core's own setup, which empties both lists when the variable is set.
        builder.Services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders =
                ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                options.KnownProxies.Add(proxy);
            foreach (var network in networks)
                options.KnownIPNetworks.Add(network);
        });
    }

    /// <summary>
    /// First in the pipeline. ASP.NET Core adds the same middleware when it sees the variable at start; the first to
    /// run consumes the headers, so they are applied once, and only from a known proxy.
    /// </summary>
    public static void UseForwardedHeadersTrust(this WebApplication app)
    {
        if (IsOn(app.Configuration))
            app.UseForwardedHeaders();
    }

    private static InvalidOperationException Invalid(string setting, string text) =>
        new($"{setting}: \"{text}\" is not an IP address (KnownProxies) or a network address/prefix (KnownNetworks).");

    private static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
