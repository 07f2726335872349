using System.Security.Cryptography;
using System.Text;

namespace Governance.Hosting.Database;

/// <summary>PostgreSQL refuses to run as root: as root, the cluster runs as an unprivileged OS user.</summary>
internal static class UnprivilegedUser
{
    private const string Fallback = "governance-db";

    /// <summary>
    /// The distribution's `postgres` user where it exists; otherwise a system user made for the purpose.
    /// </summary>
    public static string Ensure()
    {
        foreach (var name in new[] { "postgres", Fallback })
        {
            if (ProcessRunner.Run("id", ["-u", name], null).ExitCode == 0)
                return name;
        }
        var created = ProcessRunner.Run(
            "useradd",
            ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", Fallback],
            null
        );
        if (created.ExitCode != 0)
            throw new InvalidOperationException($"Could not create the user {Fallback}: {created.Output}");
        return Fallback;
    }

    /// <summary>
    /// The folder itself when the user can reach it; otherwise (a checkout under /root, say) a folder of
    /// its own under /var/tmp, named after the requested one so each checkout keeps its own cluster.
    /// </summary>
    public static string ReachableFolder(string folder, string user)
    {
        var full = Path.GetFullPath(folder);
        for (var dir = Path.GetDirectoryName(full); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (!Directory.Exists(dir))
                continue;
            var mode = File.GetUnixFileMode(dir);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..12].ToLowerInvariant();
                return Path.Combine("/var/tmp", $"governance-{user}-{hash}", Path.GetFileName(full));
            }
        }
        return full;
    }

    public static void GiveOwnership(string folder, string user)
    {
        var result = ProcessRunner.Run("chown", ["-R", $"{user}:", folder], null);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"chown {folder} failed: {result.Output}");
    }
}
