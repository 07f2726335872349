using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Governance.Hosting.Database;

/// <summary>
/// A private PostgreSQL cluster in a project-local folder, listening on loopback only, for running
/// the service and its tests on a machine where nobody has set up a database.
/// </summary>
public sealed class LocalPostgresCluster : IDisposable
{
    public const string SuperUser = "governance";
    private readonly PostgresBinaries _binaries;
    private readonly string? _runAs;
    private bool _startedHere;

    private LocalPostgresCluster(string root, PostgresBinaries binaries, string? runAs)
    {
        Root = root;
        _binaries = binaries;
        _runAs = runAs;
    }

    public string Root { get; }
    public string DataDirectory => Path.Combine(Root, "data");
    public string PasswordFile => Path.Combine(Root, "password");
    public int Port { get; private set; }

    /// <summary>This process started the server (and so stops it on Dispose); false when it found it running.</summary>
    public bool StartedHere => _startedHere;
    private string PortFile => Path.Combine(Root, "port");
    private string LogFile => Path.Combine(Root, "postgres.log");
    private string Password => File.ReadAllText(PasswordFile).Trim();

    /// <summary>Creates the cluster on first use, starts it unless it already runs, and returns it.</summary>
    public static LocalPostgresCluster Start(string root, PostgresBinaries? binaries = null)
    {
        binaries ??= PostgresBinaries.Find() ?? throw new InvalidOperationException(PostgresBinaries.NotFoundMessage);
        var runAs = Environment.IsPrivilegedProcess ? UnprivilegedUser.Ensure() : null;
        if (runAs is not null)
            root = UnprivilegedUser.ReachableFolder(root, runAs);

        var cluster = new LocalPostgresCluster(Path.GetFullPath(root), binaries, runAs);
        cluster.InitialiseIfNew();
        cluster.StartIfStopped();
        return cluster;
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = SuperUser,
            Password = Password,
            Database = database,
        }.ConnectionString;

    public string PsqlHint(string database) =>
        $"PGPASSWORD=\"$(cat {PasswordFile})\" psql -h 127.0.0.1 -p {Port} -U {SuperUser} {database}";

    public async Task EnsureDatabaseAsync(string database, bool recreate = false)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        if (recreate)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    private void InitialiseIfNew()
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
            return;

        Directory.CreateDirectory(Root);
        File.WriteAllText(PasswordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)));
        File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        if (_runAs is not null)
            UnprivilegedUser.GiveOwnership(Root, _runAs);

        // Swedish collation (ICU) so that names sort å, ä, ö as Swedes expect; plain UTF-8 where ICU is missing.
        string[] common =
        [
            "-D",
            DataDirectory,
            "-U",
            SuperUser,
            $"--pwfile={PasswordFile}",
            "--auth=scram-sha-256",
            "-E",
            "UTF8",
        ];
        var result = ProcessRunner.Run(
            _binaries.InitDb,
            [.. common, "--locale-provider=icu", "--icu-locale=sv-SE", "--locale=C.UTF-8"],
            _runAs
        );
        if (result.ExitCode != 0)
        {
            if (Directory.Exists(DataDirectory))
                Directory.Delete(DataDirectory, recursive: true);
            result = ProcessRunner.Run(_binaries.InitDb, [.. common, "--locale=C.UTF-8"], _runAs);
        }
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"initdb failed: {result.Output}");

        // Loopback TCP only; no Unix socket, so nothing outside this machine and no shared /var/run is touched.
        File.AppendAllText(
            Path.Combine(DataDirectory, "postgresql.conf"),
            "\n# Governance local cluster\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\n"
                + "max_connections = 200\nfsync = on\n"
        );
    }

    private void StartIfStopped()
    {
        var status = ProcessRunner.Run(_binaries.PgCtl, ["status", "-D", DataDirectory], _runAs);
        if (status.ExitCode == 0 && ReadRunningPort() is { } running)
        {
            Port = running;
            return;
        }

        Port =
            File.Exists(PortFile) && int.TryParse(File.ReadAllText(PortFile), out var saved) && IsFree(saved)
                ? saved
                : FreePort();
        File.WriteAllText(PortFile, Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var start = ProcessRunner.Run(
            _binaries.PgCtl,
            ["start", "-w", "-t", "60", "-D", DataDirectory, "-l", LogFile, "-o", $"-p {Port}"],
            _runAs
        );
        if (start.ExitCode != 0)
        {
            var log = File.Exists(LogFile) ? string.Join('\n', File.ReadLines(LogFile).TakeLast(20)) : "";
            throw new InvalidOperationException($"PostgreSQL did not start: {start.Output}\n{log}");
        }
        _startedHere = true;
    }

    private int? ReadRunningPort()
    {
        // postmaster.pid: line 4 is the port.
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
            return null;
        var lines = File.ReadAllLines(pidFile);
        return lines.Length > 3 && int.TryParse(lines[3], out var port) ? port : null;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Stops the server if this process started it; a server found running is left as it was.</summary>
    public void Dispose()
    {
        if (!_startedHere)
            return;
        _startedHere = false;
        ProcessRunner.Run(_binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", "fast", "-w"], _runAs);
    }
}
