using System.Diagnostics;
using System.Text;
using Governance.Tests.Browser;
using Governance.Tests.Support;

namespace Governance.Tests.Operations;

/// <summary>What an operator runs, as real processes: the scripts in deploy/ and the service's own commands.</summary>
public static class OperatorCommands
{
    public sealed record Result(int ExitCode, string Output)
    {
        public override string ToString() => $"exit {ExitCode}:\n{Output}";
    }

    public static string Script(string name) => Path.Combine(ProductHost.RepositoryRoot(), "deploy", name);

    /// <summary>The service as built with the tests (bin/Debug or bin/Release alike).</summary>
    public static string ServiceFolder => ServiceProcess.BuildFolder;

    /// <summary>`dotnet Governance.dll`, as GOVERNANCE_CLI names it to the scripts.</summary>
    public static string ServiceCli => $"dotnet {Path.Combine(ServiceFolder, "Governance.dll")}";

    /// <summary>
    /// A program with exactly the variables given on top of a clean environment: nothing the test host set for
    /// itself (its database, its settings) reaches the operator's command.
    /// </summary>
    public static async Task<Result> RunAsync(
        string program,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?> environment,
        string? folder = null
    )
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = folder ?? ProductHost.RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        ServiceProcess.KeepOnlyWhatTheRuntimeNeeds(start);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
                output.AppendLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
                output.AppendLine(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"{program} {string.Join(' ', arguments)} did not finish in 5 minutes:\n{output}"
            );
        }
        process.WaitForExit();
        lock (output)
            return new Result(process.ExitCode, output.ToString());
    }

    /// <summary>
    /// The settings the service's commands need outside Development (a trial's development tokens), plus the given
    /// ones; a local state folder of their own.
    /// </summary>
    public static Dictionary<string, string?> ServiceSettings(string database, string stateFolder) =>
        new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["GOVERNANCE_DB"] = database,
            ["GOVERNANCE_DATA_DIR"] = stateFolder,
            ["Auth__AllowDevelopmentTokens"] = "true",
            ["Auth__DevelopmentSigningKey"] = Convert.ToBase64String(Support.AppFixture.SigningKeyBytes),
            ["DataProtection__Key"] = Support.ProductionService.Settings["DataProtection:Key"],
        };
}
