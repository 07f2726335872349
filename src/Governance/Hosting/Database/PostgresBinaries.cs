namespace Governance.Hosting.Database;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl, postgres) of version 15 or newer.</summary>
public sealed record PostgresBinaries(string Directory, int MajorVersion)
{
    public const int MinimumMajorVersion = 15;

    public string InitDb => Path.Combine(Directory, "initdb");
    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    public const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>
    /// Searches PATH, then Debian's per-version folders (newest first); the arguments replace those for tests.
    /// </summary>
    public static PostgresBinaries? Find(string? path = null, string debianRoot = DebianRoot)
    {
        var candidates = new List<string>();
        path ??= Environment.GetEnvironmentVariable("PATH") ?? "";
        candidates.AddRange(path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        // Debian and Ubuntu keep the server programs off PATH, one folder per major version.
        if (System.IO.Directory.Exists(debianRoot))
        {
            candidates.AddRange(
                System
                    .IO.Directory.GetDirectories(debianRoot)
                    .OrderByDescending(VersionOfFolder)
                    .Select(d => Path.Combine(d, "bin"))
            );
        }

        foreach (var dir in candidates)
        {
            var initdb = Path.Combine(dir, "initdb");
            if (!File.Exists(initdb) || !File.Exists(Path.Combine(dir, "pg_ctl")))
                continue;
            var resolved = new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb;
            var binDir = Path.GetDirectoryName(resolved)!;
            var version = ReadMajorVersion(binDir);
            if (version >= MinimumMajorVersion)
                return new PostgresBinaries(binDir, version);
        }
        return null;
    }

    public static string NotFoundMessage =>
        $"No PostgreSQL server ({MinimumMajorVersion} or newer) was found on PATH or under /usr/lib/postgresql/*/bin. "
        + "Install it (Debian/Ubuntu: `apt-get install postgresql`) or point the service at a server by setting "
        + "GOVERNANCE_DB (or ConnectionStrings__Governance) to an Npgsql connection string.";

    private static int VersionOfFolder(string folder) => int.TryParse(Path.GetFileName(folder), out var v) ? v : 0;

    private static int ReadMajorVersion(string binDir)
    {
        var fromFolder = VersionOfFolder(Path.GetDirectoryName(binDir) ?? "");
        if (fromFolder > 0)
            return fromFolder;
        try
        {
            var output = ProcessRunner.Run(Path.Combine(binDir, "pg_ctl"), ["--version"], null).Output;
            // "pg_ctl (PostgreSQL) 15.18"
            var number = output.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
            return int.TryParse(number.Split('.')[0], out var v) ? v : 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 0;
        }
    }
}
