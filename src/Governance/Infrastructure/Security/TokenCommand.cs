namespace Governance.Infrastructure.Security;

/// <summary>
/// `dotnet run --project src/Governance -- token --name "Anna Admin" --role secretary [--role chair] [--municipality
/// 0127] [--hours 12]`:
/// prints a development token as its last line.
/// </summary>
public static class TokenCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "token";

    public static int Run(string[] args, IConfiguration configuration, string stateFolder, TextWriter output)
    {
        string? name = null;
        string? municipality = null;
        var roles = new List<string>();
        var hours = 12.0;
        for (var i = 1; i < args.Length - 1; i += 2)
        {
            switch (args[i])
            {
                case "--name":
                    name = args[i + 1];
                    break;
                case "--role":
                    roles.Add(args[i + 1]);
                    break;
                case "--municipality":
                    municipality = args[i + 1];
                    break;
                case "--hours":
                    hours = double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                default:
                    return Usage(output, $"unknown option {args[i]}");
            }
        }
        if (string.IsNullOrWhiteSpace(name) || roles.Count == 0)
            return Usage(output, "--name and --role are required");
        var unknown = roles.Except(Roles.All).ToList();
        if (unknown.Count > 0)
            return Usage(output, $"unknown role {string.Join(", ", unknown)}; roles: {string.Join(", ", Roles.All)}");

        var key = DevelopmentTokens.SigningKey(configuration, stateFolder);
        output.WriteLine(
            $"# development token for {name} ({string.Join(", ", roles)}), valid {hours} h; "
                + "send it as: Authorization: Bearer <token>"
        );
        output.WriteLine(
            DevelopmentTokens.Issue(key, name, roles, TimeSpan.FromHours(hours), TimeProvider.System, municipality)
        );
        return 0;
    }

    private static int Usage(TextWriter output, string problem)
    {
        output.WriteLine($"token: {problem}");
        output.WriteLine(
            "usage: token --name \"Anna Admin\" --role secretary [--role chair] [--municipality 0127] [--hours 12]"
        );
        return 2;
    }
}
