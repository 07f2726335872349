using System.Diagnostics;
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
    /// Starts the service with these variables and arguments; ASPNETCORE_URLS is a free port unless given.
    /// </summary>
    public static ServiceProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(BuildFolder, "Governance.dll"), .. arguments])
        {
            WorkingDirectory = BuildFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (
            var key in start
                .Environment.Keys.Where(k => Inherited.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
                .ToList()
        )
            start.Environment.Remove(key);
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
        return Process.ExitCode;
    }

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
            Process.Kill(entireProcessTree: true);
        await Process.WaitForExitAsync();
        Process.Dispose();
    }
}
