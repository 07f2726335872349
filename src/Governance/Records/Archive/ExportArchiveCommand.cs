using JasperFx;
using JasperFx.CommandLine;
using Microsoft.Extensions.Hosting;

namespace Governance.Records.Archive;

public sealed class ExportArchiveInput : NetCoreInput
{
    [Description("The calendar year to export")]
    public int YearFlag { get; set; }

    [Description("A .zip file to write, or a folder to write the package into")]
    public string OutFlag { get; set; } = "";
}

[Description(
    "Exports a year's public records as an archival information package (FGS Paketstruktur / E-ARK CSIP)",
    Name = "export-archive"
)]
public sealed class ExportArchiveCommand : JasperFxAsyncCommand<ExportArchiveInput>
{
    public override async Task<bool> Execute(ExportArchiveInput input)
    {
        if (input.YearFlag < 2000 || string.IsNullOrWhiteSpace(input.OutFlag))
        {
            Console.Error.WriteLine("Usage: export-archive --year 2020 --out sodertorn-2020.zip (or a folder)");
            return false;
        }
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var package = host.Services.GetRequiredService<ArchivePackage>();
        await using var session = store.LightweightSession();
        if (input.OutFlag.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            await using var file = File.Create(input.OutFlag);
            await package.WriteZipAsync(session, input.YearFlag, file, CancellationToken.None);
        }
        else
        {
            await package.WriteFolderAsync(session, input.YearFlag, input.OutFlag, CancellationToken.None);
        }
        Console.WriteLine($"Wrote the archival package for {input.YearFlag} to {input.OutFlag}.");
        return true;
    }
}
