using Governance.Hosting;
using Governance.Hosting.Database;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);
var stateFolder = DatabaseSetup.LocalStateFolder(builder.Configuration, builder.Environment.ContentRootPath);

if (TokenCommand.Matches(args)) return TokenCommand.Run(args, builder.Configuration, stateFolder, Console.Out);

// A start that fails after the local PostgreSQL was started (the address taken, say) stops it again on the way out:
// disposed last, after the host. A normal stop has already stopped it (LocalPostgresLifetime); Dispose is then a no-op.
var generatingCode = args.FirstOrDefault() == "codegen";
using var startedDatabase = await builder.AddGovernanceAsync(stateFolder, generatingCode);
await using var app = builder.Build();
app.UseGovernance();
return await app.RunJasperFxCommands(args);

public partial class Program;
