using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Governance.Tests.Browser;

namespace Governance.Tests.Support;

/// <summary>
/// The built service as its own process (`dotnet Governance.dll`), as an operator runs it: only the variables the test
/// gives (none of the test process's own settings leak in), a free loopback port, its output kept for the assertions.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly string[] Inherited =
    [
        "GOVERNANCE_",
        "Smtp__",
        "Distribution__",
        "Auth__",
        "Governance__",
        "DataProtection__",
        "RateLimits__",
        "ASPNETCORE_",
        "DOTNET_URLS",
        "MSBuild",
        "OTEL_",
    ];

    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process, string baseUrl)
    {
        Process = process;
        BaseUrl = baseUrl;
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

    public Process Process { get; }
    public string BaseUrl { get; }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>The configuration the tests were built in (bin/Debug/net10.0 → Debug), as the service was.</summary>
    public static string BuildFolder =>
        Path.Combine(
            ProductHost.RepositoryRoot(),
            "src",
            "Governance",
            "bin",
            new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name,
            "net10.0"
        );

    /// <summary>
    /// Starts the service with these variables and arguments; ASPNETCORE_URLS is a free port unless given. The test
    /// process's own environment is kept but for the service's settings.
    /// </summary>
    public static ServiceProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        Launch(
            start =>
            {
                foreach (
                    var key in start
                        .Environment.Keys.Where(k =>
                            Inherited.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))
                        )
                        .ToList()
                )
                    start.Environment.Remove(key);
            },
            environment,
            arguments
        );

    /// <summary>
    /// Starts it as a service manager does on a clean machine: nothing of the test process's environment but what
    /// the runtime needs to start (PATH, HOME, DOTNET_ROOT, LANG, TMPDIR), then these variables.
    /// </summary>
    public static ServiceProcess StartClean(IReadOnlyDictionary<string, string?> environment) =>
        Launch(KeepOnlyWhatTheRuntimeNeeds, environment, []);

    /// <summary>Empties a program's environment but for what the .NET runtime needs to start.</summary>
    public static void KeepOnlyWhatTheRuntimeNeeds(ProcessStartInfo start)
    {
        start.Environment.Clear();
        foreach (var name in new[] { "PATH", "HOME", "DOTNET_ROOT", "LANG", "TMPDIR" })
            if (Environment.GetEnvironmentVariable(name) is { } value)
                start.Environment[name] = value;
    }

    private static ServiceProcess Launch(
        Action<ProcessStartInfo> baseEnvironment,
        IReadOnlyDictionary<string, string?> environment,
        string[] arguments
    )
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(BuildFolder, "Governance.dll"), .. arguments])
        {
            WorkingDirectory = BuildFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        baseEnvironment(start);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort()}";
        foreach (var (key, value) in environment)
        {
            if (value is null)
                start.Environment.Remove(key);
            else
                start.Environment[key] = value;
        }
        return new ServiceProcess(Process.Start(start)!, start.Environment["ASPNETCORE_URLS"]!.Split(';')[0]);
    }

    /// <summary>
    /// Waits until /health/ready answers 200; fails with the service's output if it stops or takes too long.
    /// </summary>
    public async Task WaitUntilReadyAsync(int seconds = 90)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            Assert.False(Process.HasExited, $"The service stopped:\n{Output}");
            try
            {
                if ((await client.GetAsync($"{BaseUrl}/health/ready")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            Assert.True(DateTime.UtcNow < deadline, $"The service was not ready within {seconds} s:\n{Output}");
            await Task.Delay(300);
        }
    }

    /// <summary>Waits for the process to end by itself and answers its exit code.</summary>
    public async Task<int> ExitCodeAsync(int seconds = 90)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await Process.WaitForExitAsync(timeout.Token);
        // The parameterless wait also waits for the redirected output to be read to its end.
        Process.WaitForExit();
        return Process.ExitCode;
    }

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>The machine dies under it: SIGKILL, no shutdown of any kind (its connections simply drop).</summary>
    public async Task KillAsync()
    {
        Process.Kill();
        await Process.WaitForExitAsync();
    }

    /// <summary>Stops it as a service manager does: SIGTERM, a graceful shutdown, killed after 30 s.</summary>
    public async Task TerminateAsync()
    {
        if (Process.HasExited)
            return;
        using (var term = Process.Start("kill", ["-TERM", Process.Id.ToString(CultureInfo.InvariantCulture)]))
            await term.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await Process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
            Process.Kill(entireProcessTree: true);
        await Process.WaitForExitAsync();
        Process.Dispose();
    }
}
