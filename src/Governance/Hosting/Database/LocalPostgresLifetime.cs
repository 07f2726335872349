namespace Governance.Hosting.Database;

/// <summary>Stops the local cluster when the service stops (if this process started it).</summary>
internal sealed class LocalPostgresLifetime(LocalPostgresCluster cluster) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        cluster.Dispose();
        return Task.CompletedTask;
    }
}
