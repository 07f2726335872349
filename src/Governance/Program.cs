using Governance.Hosting;
using Governance.Hosting.Database;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);
var stateFolder = DatabaseSetup.LocalStateFolder(builder.Configuration, builder.Environment.ContentRootPath);

if (TokenCommand.Matches(args)) return TokenCommand.Run(args, builder.Configuration, stateFolder, Console.Out);

await builder.AddGovernanceAsync(stateFolder, generatingCode: args.FirstOrDefault() == "codegen");
var app = builder.Build();
app.UseGovernance();
return await app.RunJasperFxCommands(args);

public partial class Program;
