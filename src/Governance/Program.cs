using Governance.Hosting;
using Governance.Hosting.Database;
using Governance.Hosting.Projections;
using Governance.Hosting.Settings;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);
var stateFolder = DatabaseSetup.LocalStateFolder(builder.Configuration, builder.Environment.ContentRootPath);

if (TokenCommand.Matches(args))
    return TokenCommand.Run(args, builder.Configuration, stateFolder, Console.Out);

// A start that fails after the local PostgreSQL was started (the address taken, say) stops it again on the way out:
// disposed last, after the host. A normal stop has already stopped it (LocalPostgresLifetime); Dispose is then a no-op.
var generatingCode = args.FirstOrDefault() == "codegen";

// The service runs with no command, only options (--urls …, which the configuration has read already), or "run";
// other commands need fewer settings.
var plainStart = args.Length == 0 || args[0].StartsWith('-');
var runningTheService = plainStart || args[0] == "run";
LocalPostgresCluster? started;
try
{
    started = await builder.AddGovernanceAsync(stateFolder, generatingCode, runningTheService);
}
catch (InvalidSettingsException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}
using var startedDatabase = started;
await using var app = builder.Build();
if (plainStart)
    app.Services.BeginSchemaCheck();
app.UseGovernance();
if (plainStart)
{
    // The plain service start skips the command line's search of every assembly in the folder for commands of its
    // own, which loaded the C# and Visual Basic compilers too: less resident memory, and a faster start.
    await app.RunAsync();
    return 0;
}
var exit = await app.RunJasperFxCommands(args);
if (
    exit != 0
    || !args[0].Equals("db-apply", StringComparison.OrdinalIgnoreCase)
    || !ReadModelRegister.AppliedDocumentStore(args)
)
    return exit;
// db-apply also builds each read model this version adds from the events already recorded, in a host of its own:
// the command has disposed the one it ran in.
var afterApply = WebApplication.CreateBuilder(args);
await afterApply.AddGovernanceAsync(stateFolder, runningTheService: false);
await using var applied = afterApply.Build();
return await ReadModelRegister.AfterSchemaAppliedAsync(applied.Services, Console.Out);

public partial class Program;
