using System.Globalization;
using Governance.Tests.Support;

namespace Governance.Tests.Operations;

/// <summary>
/// The service as one node in production: its own process (<see cref="ServiceProcess"/>) on a clean environment, the
/// real clock, a database and state folder of its own; what tests ask of it through <see cref="Service"/>.
/// </summary>
public sealed class ServiceNode : IAsyncDisposable
{
    private readonly ServiceProcess _process;

    private ServiceNode(ServiceProcess process, string database)
    {
        _process = process;
        Service = new RunningService(new HttpClient { BaseAddress = new Uri(process.BaseUrl) }, database);
    }

    public RunningService Service { get; }

    public string Output => _process.Output;

    /// <summary>Starts it on a free loopback port, the given settings on top of <see cref="Settings"/>.</summary>
    public static ServiceNode Start(string database, string stateFolder, IReadOnlyDictionary<string, string?> settings)
    {
        var environment = Settings(database, stateFolder);
        foreach (var (key, value) in settings)
            environment[key] = value;
        return new ServiceNode(ServiceProcess.StartClean(environment), database);
    }

    /// <summary>Production, a trial's development tokens, the receipt key and public address the tests know.</summary>
    public static Dictionary<string, string?> Settings(string database, string stateFolder)
    {
        var settings = OperatorCommands.ServiceSettings(database, stateFolder);
        settings["Governance__LoadReferenceData"] = "true";
        settings["Distribution__PublicBaseUrl"] = RunningService.PublicBaseUrl;
        settings["Distribution__ReceiptKey"] = Convert.ToBase64String(RunningService.ReceiptKey);
        settings["Smtp__Host"] = "127.0.0.1"; // a mail server the test starts is given with Mail()
        return settings;
    }

    public static Dictionary<string, string?> Mail(TestSmtpServer smtp) =>
        new()
        {
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp__Security"] = "None",
        };

    public Task WaitUntilReadyAsync() =>
        Service.WaitUntilReadyAsync(() =>
            _process.Process.HasExited
                ? $"It exited with {_process.Process.ExitCode}:\n{Output}"
                : $"Its output:\n{Output}"
        );

    /// <summary>Waits for the process to end by itself (a refused start); its exit code.</summary>
    public Task<int> WaitForExitAsync() => _process.ExitCodeAsync(seconds: 120);

    /// <summary>The machine dies under it: SIGKILL, no shutdown of any kind (its connections simply drop).</summary>
    public Task KillAsync() => _process.KillAsync();

    /// <summary>Stops it as a service manager does: SIGTERM, then a graceful shutdown.</summary>
    public async ValueTask DisposeAsync()
    {
        Service.Client.Dispose();
        await _process.TerminateAsync();
        await _process.DisposeAsync();
    }
}
