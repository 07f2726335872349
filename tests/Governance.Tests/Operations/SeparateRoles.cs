using Governance.Tests.Support;
using Npgsql;

namespace Governance.Tests.Operations;

/// <summary>
/// A database as production has it: owned by one role (the owner, which applies the schema) and used by another (the
/// service's), which may connect, read and write but create nothing; set up with deploy/grant-service-role.sql.
/// </summary>
public sealed record SeparateRoles(string Owner, string Service, string Superuser)
{
    /// <summary>A fresh database <paramref name="name"/> on the tests' server, with roles named after it.</summary>
    public static async Task<SeparateRoles> CreateAsync(string name)
    {
        var admin = new NpgsqlConnectionStringBuilder(await TestDatabase.ConnectionStringAsync())
        {
            Database = "postgres",
        };
        var (owner, service) = ($"{name}_owner", $"{name}_service");
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            foreach (
                var sql in new[]
                {
                    $"drop database if exists {name} with (force)",
                    $"drop role if exists {owner}",
                    $"drop role if exists {service}",
                    $"create role {owner} login password 'owner-secret'",
                    $"create role {service} login password 'service-secret'",
                    $"create database {name} owner {owner}",
                }
            )
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync();
            }
        }
        string As(string user, string password) =>
            new NpgsqlConnectionStringBuilder(admin.ConnectionString)
            {
                Database = name,
                Username = user,
                Password = password,
            }.ConnectionString;
        return new SeparateRoles(
            As(owner, "owner-secret"),
            As(service, "service-secret"),
            As(admin.Username!, admin.Password!)
        );
    }

    /// <summary>Runs deploy/grant-service-role.sql with psql, as the operator would.</summary>
    public async Task GrantServiceRoleAsync()
    {
        var superuser = new NpgsqlConnectionStringBuilder(Superuser);
        var result = await OperatorCommands.RunAsync(
            "psql",
            [
                "-X",
                "-v",
                $"owner={new NpgsqlConnectionStringBuilder(Owner).Username}",
                "-v",
                $"service={new NpgsqlConnectionStringBuilder(Service).Username}",
                "-f",
                OperatorCommands.Script("grant-service-role.sql"),
            ],
            new Dictionary<string, string?>
            {
                ["PGHOST"] = superuser.Host,
                ["PGPORT"] = superuser.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["PGUSER"] = superuser.Username,
                ["PGPASSWORD"] = superuser.Password,
                ["PGDATABASE"] = superuser.Database,
            }
        );
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(Superuser);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T?)await command.ExecuteScalarAsync();
    }
}
