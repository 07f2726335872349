using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Npgsql;

namespace Governance.Hosting.Cluster;

/// <summary>
/// The key ring's first key, made once for all nodes. Two nodes starting together on an empty database would each
/// make a key of their own and not read the other's until their ring is next refreshed (hours later), so a cookie or
/// a receipt link from one would be refused by the other. Starts before Data Protection's own start-up reading.
/// </summary>
internal sealed class FirstKeyAtStart(NpgsqlDataSource dataSource, IKeyRingProvider keyRing) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        StartLock.RunAsync(
            dataSource,
            "key-ring",
            _ =>
            {
                // Reads the ring from the database and, only when it has no usable key, makes one (the framework's
                // rule).
                keyRing.GetCurrentKeyRing();
                return Task.CompletedTask;
            },
            cancellationToken
        );

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
