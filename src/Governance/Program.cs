using Governance.Hosting;
using Governance.Hosting.Database;
using Governance.Hosting.Settings;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);
var stateFolder = DatabaseSetup.LocalStateFolder(builder.Configuration, builder.Environment.ContentRootPath);

if (TokenCommand.Matches(args))
    return TokenCommand.Run(args, builder.Configuration, stateFolder, Console.Out);

// A start that fails after the local PostgreSQL was started (the address taken, say) stops it again on the way out:
// disposed last, after the host. A normal stop has already stopped it (LocalPostgresLifetime); Dispose is then a no-op.
var generatingCode = args.FirstOrDefault() == "codegen";

// The service runs with no command or "run" (options such as --urls may follow); other commands need fewer settings.
var runningTheService = args.Length == 0 || args[0] == "run" || args[0].StartsWith('-');
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
if (args.Length == 0)
    app.Services.BeginSchemaCheck();
app.UseGovernance();
if (args.Length == 0)
{
    // The plain service start skips the command line's search of every assembly in the folder for commands of its
    // own, which loaded the C# and Visual Basic compilers too: less resident memory, and a faster start.
    await app.RunAsync();
    return 0;
}
return await app.RunJasperFxCommands(args);

public partial class Program;
