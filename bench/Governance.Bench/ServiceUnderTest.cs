using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Governance.Bench;

/// <summary>
/// The service as its own process (the Release build beside the benchmark), as in a trial: production settings,
/// development tokens accepted, mail to the benchmark's sink. Rate limits are off: eight clients on loopback would
/// otherwise be one client over its limit.
/// </summary>
public sealed class ServiceUnderTest : IAsyncDisposable
{
    public static readonly byte[] SigningKey = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private readonly Process _process;

    private ServiceUnderTest(Process process, int port)
    {
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseAddress { get; }
    public int ProcessId => _process.Id;
    public long StartedAt { get; private init; }

    /// <param name="applySchema">
    /// Whether the service applies its schema itself. The measured service starts as in production: the schema was
    /// applied before it (by the seeding service, as an operator's db-apply), and it only checks it.
    /// </param>
    public static ServiceUnderTest Start(
        string database,
        string stateFolder,
        int smtpPort,
        string codeGeneration,
        bool applySchema
    )
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [ServiceDll()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(ServiceDll())!,
        };
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["GOVERNANCE_DB"] = database,
            ["GOVERNANCE_DATA_DIR"] = Path.Combine(stateFolder, "bench-service"),
            ["Auth__AllowDevelopmentTokens"] = "true",
            ["Auth__DevelopmentSigningKey"] = Convert.ToBase64String(SigningKey),
            ["Distribution__PublicBaseUrl"] = "https://samarbetskommitten.example",
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp__Security"] = "None",
            ["DataProtection__Key"] = Convert.ToBase64String([.. Enumerable.Range(100, 32).Select(i => (byte)i)]),
            ["Governance__ApplySchemaOnStart"] = applySchema ? "true" : "false",
            ["Governance__LoadReferenceData"] = "true",
            ["Governance__CodeGeneration"] = codeGeneration,
            ["RateLimits__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
            start.Environment[key] = value;
        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("the service did not start");
        // The service's own log (warnings and errors) beside the benchmark's state, for a failure's cause.
        var log = TextWriter.Synchronized(
            new StreamWriter(Path.Combine(stateFolder, "bench-service.log"), append: true)
        );
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                log.WriteLine(e.Data);
            log.Flush();
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                log.WriteLine(e.Data);
            log.Flush();
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // A benchmark stopped by a signal does not leave its service running.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                if (!process.HasExited)
                    process.Kill();
            }
            catch (InvalidOperationException)
            {
                // disposed: stopped already
            }
        };
        return new ServiceUnderTest(process, port) { StartedAt = startedAt };
    }

    /// <summary>The service's resident memory now (VmRSS), in megabytes.</summary>
    public double ResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status")
            .FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null
            ? 0
            : long.Parse(
                line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
                System.Globalization.CultureInfo.InvariantCulture
            ) / 1024.0;
    }

    /// <param name="minutes">
    /// How long the start may take: the seeding service, applying the schema, first builds from the events any read
    /// model a store seeded by an earlier version lacks.
    /// </param>
    public async Task WaitUntilReadyAsync(HttpClient client, int minutes = 1)
    {
        for (var attempt = 0; attempt < minutes * 1200; attempt++)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"the service exited with {_process.ExitCode}");
            try
            {
                if ((await client.GetAsync(new Uri(BaseAddress, "/health/ready"))).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"the service was not ready within {minutes} minute(s)");
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        if (!_process.HasExited)
        {
            // SIGTERM: the service stops its hosted services and flushes as in production.
            using (
                var term = Process.Start(
                    "kill",
                    ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]
                )
            )
                await term.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }
        _process.Dispose();
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Governance.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Governance.sln not found above the benchmark");
    }

    /// <summary>The service built in the benchmark's own configuration (Release when run as the README says).</summary>
    /// <summary>
    /// The service as bench/run.sh published it (ReadyToRun), else the build of the same configuration.
    /// </summary>
    public static string ServiceDll()
    {
        if (Environment.GetEnvironmentVariable("GOVERNANCE_BENCH_SERVICE_DLL") is { Length: > 0 } published)
            return published;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        return Path.Combine(RepositoryRoot(), "src", "Governance", "bin", configuration, "net10.0", "Governance.dll");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
