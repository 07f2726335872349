using System.Security.Claims;
using Governance.Infrastructure.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Tests.Hosting;

public class TokenCommandTests
{
    private static readonly string State = Directory.CreateTempSubdirectory("governance-token").FullName;
    private static readonly IConfiguration NoConfiguration = new ConfigurationBuilder().Build();

    [Fact]
    public async Task the_token_command_prints_a_token_for_the_name_and_role_as_its_last_line()
    {
        var output = new StringWriter();
        var exit = TokenCommand.Run(
            ["token", "--name", "Anna Admin", "--role", "secretary"],
            NoConfiguration,
            State,
            output
        );

        Assert.Equal(0, exit);
        var token = output.ToString().TrimEnd().Split('\n').Last();
        var validated = await new JsonWebTokenHandler().ValidateTokenAsync(
            token,
            new TokenValidationParameters
            {
                ValidIssuer = DevelopmentTokens.Issuer,
                ValidAudience = DevelopmentTokens.Audience,
                IssuerSigningKey = DevelopmentTokens.SigningKey(NoConfiguration, State),
                NameClaimType = DevelopmentTokens.NameClaim,
                RoleClaimType = DevelopmentTokens.RoleClaim,
            }
        );
        Assert.True(validated.IsValid);
        var user = new ClaimsPrincipal(validated.ClaimsIdentity);
        Assert.Equal("Anna Admin", user.ActorName());
        Assert.True(user.IsInRole(Roles.Secretary));
    }

    [Theory]
    [InlineData("--name", "Anna Admin")]
    [InlineData("--role", "secretary")]
    [InlineData("--name", "Anna Admin", "--role", "mayor")]
    public void missing_or_unknown_options_print_the_usage_and_fail(params string[] options)
    {
        var output = new StringWriter();
        Assert.NotEqual(0, TokenCommand.Run(["token", .. options], NoConfiguration, State, output));
        Assert.Contains("usage: token", output.ToString(), StringComparison.Ordinal);
    }
}
