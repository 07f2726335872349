using Governance.Hosting.Database;
using Governance.Scenarios;
using Governance.Tests.Support;
using Npgsql;

namespace Governance.Tests.Operations;

/// <summary>
/// deploy/backup.sh and deploy/restore.sh as an operator runs them: a committee's year backed up from one server,
/// restored into a new, empty one, and the service there answering every read exactly as the original did.
/// </summary>
public sealed class BackupRestoreTests
{
    private const int Year = 2024;
    private static readonly TestClock Clock = new(new DateTimeOffset(Year + 1, 1, 20, 10, 0, 0, TimeSpan.FromHours(1)));

    [Fact]
    public async Task a_year_backed_up_and_restored_into_a_new_server_answers_every_read_as_the_original()
    {
        var work = Directory.CreateTempSubdirectory("governance-backup");
        // The restored server runs as an unprivileged user when the tests run as root: let it reach the folder.
        File.SetUnixFileMode(work.FullName, (UnixFileMode)0b111_101_101);
        using var smtp = new TestSmtpServer();
        smtp.Start();
        try
        {
            var source = await TestDatabase.FreshDatabaseAsync("governance_backup_tests");
            SortedDictionary<string, string> before;
            string backup;
            await using (
                var host = await ServiceHost.StartAsync(
                    Clock,
                    source,
                    smtp,
                    new Dictionary<string, string?> { ["Governance:ApplySchemaOnStart"] = "true" }
                )
            )
            {
                var original = host.Service;
                await CommitteeYear.RecordAsync(original.Client, RunningService.Tokens, Year);
                await original.WaitUntilDistributedAsync();
                await original.AcknowledgeSomeMinutesAsync(3);
                before = await original.Answers().CollectAsync(Year);

                // Online, as in production: pg_dump reads one consistent snapshot while the service runs.
                var backedUp = await OperatorCommands.RunAsync(
                    OperatorCommands.Script("backup.sh"),
                    [],
                    LibpqVariables(source, new() { ["BACKUP_DIR"] = Path.Combine(work.FullName, "backups") })
                );
                Assert.True(backedUp.ExitCode == 0, backedUp.ToString());
                backup = backedUp.Output.Trim().Split('\n')[^1];
                Assert.Matches(@"/backups/governance-\d{8}T\d{6}Z\.dump$", backup);
            }

            using var server = LocalPostgresCluster.Start(Path.Combine(work.FullName, "restored"));
            var owner = await CreateOwnerRoleAsync(server);
            var restored = await OperatorCommands.RunAsync(
                OperatorCommands.Script("restore.sh"),
                [backup, Url(server.ConnectionString("postgres"))],
                new Dictionary<string, string?>
                {
                    ["GOVERNANCE_OWNER"] = owner.Username,
                    ["GOVERNANCE_CLI"] = OperatorCommands.ServiceCli,
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["Auth__AllowDevelopmentTokens"] = "true",
                    ["Auth__DevelopmentSigningKey"] = Convert.ToBase64String(AppFixture.SigningKeyBytes),
                    ["GOVERNANCE_DATA_DIR"] = Path.Combine(work.FullName, "state"),
                }
            );
            Assert.True(restored.ExitCode == 0, restored.ToString());
            Assert.Contains("No database differences detected for 'Main'", restored.Output, StringComparison.Ordinal);

            // The restored service does not apply the schema itself (the production default): the restore brought it.
            owner.Database = "governance";
            await using var copy = await ServiceHost.StartAsync(Clock, owner.ConnectionString, smtp);
            var after = await copy.Service.Answers().CollectAsync(Year);

            Assert.True(after.Count > 400, $"Only {after.Count} answers were compared.");
            Assert.Equal(before.Keys, after.Keys);
            var differences = ReadModelAnswers.Differences(before, after);
            Assert.True(differences.Length == 0, $"Restored, {differences}");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task a_backup_that_fails_says_so_and_leaves_no_file()
    {
        var folder = Directory.CreateTempSubdirectory("governance-backup-fails").FullName;
        var result = await OperatorCommands.RunAsync(
            OperatorCommands.Script("backup.sh"),
            ["postgresql://nobody@127.0.0.1:1/governance", folder],
            new Dictionary<string, string?>()
        );
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("127.0.0.1", result.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
        Directory.Delete(folder);
    }

    [Fact]
    public async Task a_restore_refuses_a_database_that_exists()
    {
        var existing = new NpgsqlConnectionStringBuilder(
            await TestDatabase.FreshDatabaseAsync("governance_restore_exists")
        );
        var dump = Path.GetTempFileName();
        var result = await OperatorCommands.RunAsync(
            OperatorCommands.Script("restore.sh"),
            [dump, Url(existing.ConnectionString)],
            new Dictionary<string, string?> { ["GOVERNANCE_DATABASE"] = existing.Database }
        );
        File.Delete(dump);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("exists already", result.Output, StringComparison.Ordinal);
    }

    /// <summary>A role that owns the restored database, other than the server's superuser.</summary>
    private static async Task<NpgsqlConnectionStringBuilder> CreateOwnerRoleAsync(LocalPostgresCluster server)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand(
            "create role governance_owner login password 'owner-secret'",
            connection
        );
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server.ConnectionString("postgres"))
        {
            Username = "governance_owner",
            Password = "owner-secret",
        };
    }

    /// <summary>The connection as libpq's variables, as an operator's shell would have them.</summary>
    private static Dictionary<string, string?> LibpqVariables(string connectionString, Dictionary<string, string?> more)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        more["PGHOST"] = c.Host;
        more["PGPORT"] = c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        more["PGUSER"] = c.Username;
        more["PGPASSWORD"] = c.Password;
        more["PGDATABASE"] = c.Database;
        return more;
    }

    /// <summary>The connection as a libpq URL.</summary>
    private static string Url(string connectionString)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var user = $"{Uri.EscapeDataString(c.Username!)}:{Uri.EscapeDataString(c.Password!)}";
        return $"postgresql://{user}@{c.Host}:{c.Port}/{c.Database}";
    }
}
