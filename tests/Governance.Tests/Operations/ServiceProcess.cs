using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Governance.Tests.Support;

namespace Governance.Tests.Operations;

/// <summary>`dotnet Governance.dll` as its own process with the real clock, as it runs in production.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process, string database, string url)
    {
        _process = process;
        Service = new RunningService(new HttpClient { BaseAddress = new Uri(url) }, database);
        process.OutputDataReceived += (_, e) =>
        {
            lock (_output)
                _output.AppendLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_output)
                _output.AppendLine(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public RunningService Service { get; }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>Starts it on a free loopback port, the given settings on top of <see cref="Settings"/>.</summary>
    public static ServiceProcess Start(
        string database,
        string stateFolder,
        IReadOnlyDictionary<string, string?> settings
    )
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", [Path.Combine(OperatorCommands.ServiceFolder, "Governance.dll")])
        {
            WorkingDirectory = OperatorCommands.ServiceFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        foreach (var name in new[] { "PATH", "HOME", "DOTNET_ROOT", "LANG", "TMPDIR" })
            if (Environment.GetEnvironmentVariable(name) is { } value)
                start.Environment[name] = value;
        foreach (var (key, value) in Settings(database, stateFolder))
            start.Environment[key] = value;
        foreach (var (key, value) in settings)
            start.Environment[key] = value;
        start.Environment["ASPNETCORE_URLS"] = url;
        return new ServiceProcess(Process.Start(start)!, database, url);
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
            _process.HasExited ? $"It exited with {_process.ExitCode}:\n{Output}" : $"Its output:\n{Output}"
        );

    /// <summary>Waits for the process to end by itself (a refused start); its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await _process.WaitForExitAsync(timeout.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>The machine dies under it: SIGKILL, no shutdown of any kind (its connections simply drop).</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>Stops it as a service manager does: SIGTERM, then a graceful shutdown.</summary>
    public async ValueTask DisposeAsync()
    {
        Service.Client.Dispose();
        if (_process.HasExited)
            return;
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            await term.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
