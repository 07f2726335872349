using System.Net;
using System.Net.Sockets;
using Governance.Hosting.Database;
using Npgsql;

namespace Governance.Tests.Hosting;

public class LocalPostgresTests
{
    [Fact]
    public void the_server_programs_of_version_15_or_newer_are_found_on_this_machine()
    {
        var binaries = PostgresBinaries.Find();
        Assert.NotNull(binaries);
        Assert.True(binaries.MajorVersion >= PostgresBinaries.MinimumMajorVersion);
        Assert.True(File.Exists(binaries.InitDb));
    }

    [Fact]
    public void without_server_programs_the_message_says_what_to_install_or_which_variable_to_set()
    {
        var empty = Directory.CreateTempSubdirectory("no-postgres").FullName;
        Assert.Null(PostgresBinaries.Find(path: empty, debianRoot: Path.Combine(empty, "none")));

        var failure = Assert.Throws<InvalidOperationException>(() =>
            PostgresBinaries.Find(path: empty, debianRoot: empty)
            ?? throw new InvalidOperationException(PostgresBinaries.NotFoundMessage)
        );
        Assert.Contains("apt-get install postgresql", failure.Message, StringComparison.Ordinal);
        Assert.Contains("GOVERNANCE_DB", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_fresh_cluster_listens_on_loopback_only_is_reused_on_the_next_start_and_stops_when_told()
    {
        var root = Path.Combine(Directory.CreateTempSubdirectory("governance-pg").FullName, "postgres");
        // Let the unprivileged server user reach the temporary folder when the tests run as root.
        File.SetUnixFileMode(Path.GetDirectoryName(root)!, (UnixFileMode)0b111_101_101);
        int port;
        using (var first = LocalPostgresCluster.Start(root))
        {
            port = first.Port;
            await first.EnsureDatabaseAsync("probe");
            await using (var connection = new NpgsqlConnection(first.ConnectionString("probe")))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(
                    "select current_setting('listen_addresses') || ' ' || current_setting('server_version_num')",
                    connection
                );
                var answer = (string)(await command.ExecuteScalarAsync())!;
                Assert.StartsWith("127.0.0.1 ", answer, StringComparison.Ordinal);
                Assert.True(
                    int.Parse(answer.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) >= 150000
                );
            }

            // A second start while it runs finds the same server.
            using var again = LocalPostgresCluster.Start(root);
            Assert.Equal(first.Port, again.Port);
            Assert.Contains($"-p {first.Port}", first.PsqlHint("probe"), StringComparison.Ordinal);
        }

        // Stopped: the port no longer answers. Started again, the cluster and its database are still there.
        Assert.False(Answers(port));
        using (var restarted = LocalPostgresCluster.Start(root))
        {
            await using var reconnected = new NpgsqlConnection(restarted.ConnectionString("probe"));
            await reconnected.OpenAsync();
        }
        Directory.Delete(Path.GetDirectoryName(root)!, recursive: true);
    }

    private static bool Answers(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
