using System.Diagnostics;

namespace Governance.Hosting.Database;

/// <summary>Runs a program to completion, optionally as another (unprivileged) OS user.</summary>
internal static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Output);

    public static Result Run(string program, IReadOnlyList<string> arguments, string? asUser, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asUser is null)
        {
            info.FileName = program;
        }
        else
        {
            // runuser (util-linux) drops root privileges without a password or a login shell.
            info.FileName = "runuser";
            foreach (var a in new[] { "-u", asUser, "--", program })
                info.ArgumentList.Add(a);
        }
        foreach (var a in arguments)
            info.ArgumentList.Add(a);

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in time");
        }
        return new Result(process.ExitCode, (stdout.Result + stderr.Result).Trim());
    }
}
