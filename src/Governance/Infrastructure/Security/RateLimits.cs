using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Governance.Infrastructure.Security;

/// <summary>
/// The ways in that need no sign-in (search, feeds, receipt links, sign-in) are limited per client address: no one
/// client can keep the database busy or try signatures and sign-ins in bulk. An endpoint takes part with
/// [EnableRateLimiting(RateLimits.Search)] (Wolverine endpoints and page models alike). Behind a proxy with
/// ASPNETCORE_FORWARDEDHEADERS_ENABLED the client is the forwarded address.
/// </summary>
public static class RateLimits
{
    public const string Search = "search";
    public const string Feeds = "feeds";
    public const string Receipts = "receipts";
    public const string SignIn = "sign-in";

    /// <summary>
    /// Stored files sent at once, by the whole service: each holds a database connection (and PostgreSQL the decoded
    /// file) until its client has it all. Beyond them a download waits its turn; beyond the queue it is refused.
    /// </summary>
    public const string Files = "files";

    /// <summary>Per policy: its key under RateLimits and its permits per minute unless configured.</summary>
    private static readonly (string Policy, string Key, int PerMinute)[] Policies =
    [
        (Search, "Search", 60),
        (Feeds, "Feeds", 30),
        (Receipts, "Receipts", 20),
        (SignIn, "SignIn", 20),
    ];

    public static void AddGovernanceRateLimits(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("RateLimits");
        var enabled = section.GetValue("Enabled", true);
        builder.Services.AddRateLimiter(options =>
        {
            foreach (var (policy, key, perMinute) in Policies)
            {
                var permits = section.GetValue(
                    $"{key}:PermitsPerMinute",
                    section.GetValue("PermitsPerMinute", perMinute)
                );
                options.AddPolicy(
                    policy,
                    context =>
                        enabled
                            ? RateLimitPartition.GetFixedWindowLimiter(
                                ClientOf(context.Connection.RemoteIpAddress),
                                _ =>
                                    new()
                                    {
                                        PermitLimit = permits,
                                        Window = TimeSpan.FromMinutes(1),
                                        QueueLimit = 0,
                                    }
                            )
                            : RateLimitPartition.GetNoLimiter("")
                );
            }
            var files = section.GetSection("Files");
            var concurrent = files.GetValue("Concurrent", 8);
            var queued = files.GetValue("Queued", 32);
            options.AddPolicy(
                Files,
                _ =>
                    enabled
                        ? RateLimitPartition.GetConcurrencyLimiter(
                            Files,
                            _ => new() { PermitLimit = concurrent, QueueLimit = queued }
                        )
                        : RateLimitPartition.GetNoLimiter("")
            );
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RefuseAsync;
        });
    }

    /// <summary>
    /// The partition of a client: its IPv4 address, or its IPv6 /64 (one subscriber's network; the host part is theirs
    /// to change at will).
    /// </summary>
    public static string ClientOf(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            return address.MapToIPv4().ToString();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        // A window's limiter says when it opens again; a download waits only for others to finish.
        var policy = rejected.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>();
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter
            : policy?.PolicyName == Files ? TimeSpan.FromSeconds(5)
            : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var response = rejected.HttpContext.Response;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results
            .Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "För många förfrågningar",
                detail: "Du har gjort för många förfrågningar på kort tid. "
                    + $"Försök igen om {seconds} {(seconds == 1 ? "sekund" : "sekunder")}."
            )
            .ExecuteAsync(rejected.HttpContext);
    }
}
