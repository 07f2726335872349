namespace Governance.Tests.Operations.Nodes;

/// <summary>
/// Two nodes started at the same moment on one database whose store is empty, as after a first deployment.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    private NodeCluster _cluster = null!;

    public NodeCluster Cluster => _cluster;
    public RunningService A { get; private set; } = null!;
    public RunningService B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _cluster = await NodeCluster.CreateAsync("governance_two_nodes");
        var a = _cluster.Start("a");
        var b = _cluster.Start("b");
        await Task.WhenAll(a.WaitUntilReadyAsync(), b.WaitUntilReadyAsync());
        (A, B) = (a.Service, b.Service);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();
}
