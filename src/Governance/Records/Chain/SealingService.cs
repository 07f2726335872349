namespace Governance.Records.Chain;

/// <summary>Seals committed events every few seconds (Records:SealIntervalSeconds; 0 turns it off).</summary>
public sealed class SealingService(ChainSealer sealer, IConfiguration configuration, ILogger<SealingService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Records:SealIntervalSeconds", 2.0);
        if (seconds <= 0)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        do
        {
            try
            {
                await sealer.SealAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be out of reach; the next round catches up.
                log.LogDebug(e, "Sealing the event order failed; trying again");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
