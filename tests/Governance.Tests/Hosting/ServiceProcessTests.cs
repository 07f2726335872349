using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Governance.Tests.Browser;
using Governance.Tests.Support;

namespace Governance.Tests.Hosting;

/// <summary>The built service started as people do: its own process, with the variables the README names.</summary>
public sealed partial class ServiceProcessTests
{
    private static string ProjectFolder => Path.Combine(ProductHost.RepositoryRoot(), "src", "Governance");

    /// <summary>The configuration the tests were built in (bin/Debug/net10.0 → Debug), as the service was.</summary>
    private static string Configuration =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    [Theory]
    [InlineData("ASPNETCORE_URLS")]
    [InlineData("--urls")]
    public async Task dotnet_run_listens_where_the_address_is_set(string how)
    {
        var port = FreePort();
        var address = $"http://127.0.0.1:{port}";
        var state = Directory.CreateTempSubdirectory("governance-urls").FullName;
        string[] urls = how == "--urls" ? ["--", "--urls", address] : [];
        string[] arguments = ["run", "--no-build", "-c", Configuration, "--project", ProjectFolder, .. urls];
        var start = StartInfo(
            "dotnet",
            arguments,
            ProjectFolder,
            new()
            {
                ["GOVERNANCE_DB"] = await TestDatabase.FreshDatabaseAsync("governance_urls_tests"),
                ["GOVERNANCE_DATA_DIR"] = state,
                ["Governance__LoadReferenceData"] = "false",
                ["ASPNETCORE_URLS"] = how == "ASPNETCORE_URLS" ? address : null,
            }
        );

        using var service = Process.Start(start)!;
        var output = Collect(service);
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (!await Answers(client, $"{address}/health/live"))
            {
                Assert.False(service.HasExited, $"The service stopped:\n{output}");
                var said = output.ToString();
                var elsewhere =
                    said.Contains("Now listening on:", StringComparison.Ordinal)
                    && !said.Contains(address, StringComparison.Ordinal);
                Assert.False(elsewhere, $"The service listens elsewhere than {address}:\n{said}");
                Assert.True(DateTime.UtcNow < deadline, $"Nothing answered at {address} within 90 s:\n{output}");
                await Task.Delay(500);
            }
            Assert.Contains($"Now listening on: {address}", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
            Directory.Delete(state, recursive: true);
        }
    }

    [Fact]
    public async Task a_start_that_fails_stops_the_local_postgresql_it_started()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var state = Directory.CreateTempSubdirectory("governance-failed-start").FullName;
        // Let the unprivileged server user reach the temporary folder when the tests run as root.
        File.SetUnixFileMode(state, (UnixFileMode)0b111_101_101);
        var build = Path.Combine(ProjectFolder, "bin", Configuration, "net10.0");
        var start = StartInfo(
            "dotnet",
            [Path.Combine(build, "Governance.dll")],
            build,
            new()
            {
                ["GOVERNANCE_DB"] = null, // no database configured: the service starts its own local cluster
                ["ConnectionStrings__Governance"] = null,
                ["GOVERNANCE_DATA_DIR"] = state,
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            }
        );

        using var service = Process.Start(start)!;
        var output = Collect(service);
        string? dataFolder = null;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await service.WaitForExitAsync(timeout.Token);
            Assert.NotEqual(0, service.ExitCode);
            Assert.Contains("address already in use", output.ToString(), StringComparison.OrdinalIgnoreCase);
            // The cluster was started (the log line says where), and is stopped again: no server holds its data folder.
            dataFolder = DataFolderLine().Match(output.ToString()) is { Success: true } m ? m.Groups[1].Value : null;
            Assert.True(dataFolder is not null, $"The local PostgreSQL was not started:\n{output}");
            Assert.True(Directory.Exists(dataFolder));
            Assert.False(
                File.Exists(Path.Combine(dataFolder, "postmaster.pid")),
                $"PostgreSQL still runs on {dataFolder}:\n{output}"
            );
        }
        finally
        {
            if (!service.HasExited)
                service.Kill(entireProcessTree: true);
            StopLeftOver(dataFolder);
            Directory.Delete(state, recursive: true);
        }
    }

    private static ProcessStartInfo StartInfo(
        string program,
        IEnumerable<string> arguments,
        string folder,
        Dictionary<string, string?> environment
    )
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // The test host's own MSBuild variables would steer the nested `dotnet run`.
        var msbuild = start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase));
        foreach (var key in msbuild.ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment)
        {
            if (value is null)
                start.Environment.Remove(key);
            else
                start.Environment[key] = value;
        }
        return start;
    }

    private static StringBuilder Collect(Process process)
    {
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
        return output;
    }

    private static async Task<bool> Answers(HttpClient client, string url)
    {
        try
        {
            return (await client.GetAsync(url)).IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>After a failed assertion: stop the server the service left behind (by its pid).</summary>
    private static void StopLeftOver(string? dataFolder)
    {
        var pidFile = dataFolder is null ? null : Path.Combine(dataFolder, "postmaster.pid");
        if (pidFile is null || !File.Exists(pidFile))
            return;
        using var kill = Process.Start("kill", ["-INT", File.ReadLines(pidFile).First()]);
        kill.WaitForExit();
        for (var i = 0; i < 50 && File.Exists(pidFile); i++)
            Thread.Sleep(200);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Local PostgreSQL \d+: data in (\S+);")]
    private static partial Regex DataFolderLine();
}
