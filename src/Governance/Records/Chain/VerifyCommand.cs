using JasperFx;
using JasperFx.CommandLine;
using Microsoft.Extensions.Hosting;

namespace Governance.Records.Chain;

[Description("Checks every event against its hash chain and the seal of the global order; names the first broken link")]
public sealed class VerifyCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = input.BuildHost();
        var report = await host.Services.GetRequiredService<ChainVerifier>().VerifyAsync(CancellationToken.None);
        Console.WriteLine(
            $"Checked {report.EventsChecked} events ({report.EventsSealed} sealed, "
                + $"{report.EventsAwaitingSeal} awaiting the seal) in {report.Elapsed.TotalSeconds:0.0} s."
        );
        if (report.Head is not null)
            Console.WriteLine($"Chain head: {report.Head} (event {report.HeadSequence}).");
        if (report.Intact)
        {
            Console.WriteLine("The record is intact.");
            return true;
        }
        Console.WriteLine($"BROKEN: {report.ProblemCount} problem(s). First broken link:");
        Console.WriteLine($"  {report.FirstProblem}");
        foreach (var problem in report.Problems.Skip(1).Take(19))
            Console.WriteLine($"  {problem}");
        return false;
    }
}
