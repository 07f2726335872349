using System.Text.Json;
using Governance.Tests.Browser;
using Governance.Tests.Support;
using Xunit.Abstractions;

namespace Governance.Tests.Contract;

/// <summary>
/// Every write in the OpenAPI document × every kind of caller, against the README's table of who may do what:
/// no token is 401, a role the table does not name is 403, a member or registry of another municipality is 403
/// where the table says "(own)", and everyone the table names gets past sign-in and roles.
/// </summary>
public class RoleTests(AppFixture fixture, ITestOutputHelper output) : ApiWorld(fixture)
{
    private sealed record Caller(string Name, string? Role, string? Token, bool OtherMunicipality);

    [Fact]
    public async Task every_write_answers_every_caller_as_the_readme_table_says()
    {
        await GivenAWorldWithEveryRecord();
        var table = RoleTable.FromReadme(
            await File.ReadAllTextAsync(Path.Combine(ProductHost.RepositoryRoot(), "README.md"))
        );
        Caller[] callers =
        [
            new("no token", null, null, false),
            new("secretary", "secretary", Fixture.TokenFor("Anna Sekreterare", "secretary"), false),
            new("chair", "chair", Fixture.TokenFor("Daniel Dronjak", "chair"), false),
            new("member", "member", Fixture.TokenFor("Ebba Östlin", "member", "0127"), false),
            new("registry", "registry", Fixture.TokenFor("Registrator Botkyrka", "registry", "0127"), false),
            new(
                "member of another municipality",
                "member",
                Fixture.TokenFor("Martina Mossberg", "member", "0136"),
                true
            ),
            new(
                "registry of another municipality",
                "registry",
                Fixture.TokenFor("Registrator Haninge", "registry", "0136"),
                true
            ),
        ];
        var checkedCount = 0;
        foreach (var operation in Api.Writes())
        {
            Assert.True(
                table.TryGetValue(operation.Id, out var who),
                $"{operation.Id} is not in the README's API table"
            );
            foreach (var caller in callers)
            {
                var expected = Expected(who!, caller);
                using var response = await Send(operation, UrlOf(operation), await BodyAt(operation), caller.Token);
                var status = (int)response.StatusCode;
                var answer = await response.Content.ReadAsStringAsync();
                if (expected is { } exact)
                    Assert.True(
                        status == exact,
                        $"{operation.Id} as {caller.Name}: {status}, expected {exact} {answer}"
                    );
                else
                    Assert.True(status is not (401 or 403), $"{operation.Id} as {caller.Name}: {status} {answer}");
                checkedCount++;
            }
        }
        output.WriteLine(
            $"{checkedCount} calls: {Api.Writes().Count} writes × {callers.Length} callers as the README's table says"
        );
    }

    /// <summary>
    /// The status the table demands, or null where it only demands that sign-in and roles let the call pass.
    /// </summary>
    private static int? Expected(WhoMay who, Caller caller)
    {
        if (who.Anyone)
            return null;
        if (caller.Token is null)
            return 401;
        if (!who.Roles.Contains(caller.Role!))
            return 403;
        return caller.OtherMunicipality && who.OwnMunicipalityOnly.Contains(caller.Role!) ? 403 : null;
    }

    /// <summary>A plausible body at the record's current version, so a check of the municipality is reached.</summary>
    private async Task<HttpContent?> BodyAt(ApiOperation operation)
    {
        var body = PlausibleBody(operation);
        if (body is not StringContent || !operation.Path.Contains("{deliveryId}", StringComparison.Ordinal))
            return body;
        var json = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(await body.ReadAsStringAsync())!;
        var status = await Get<Governance.Distribution.DistributionStatus>("/api/distribution", SecretaryToken);
        var delivery = status
            .Documents.SelectMany(d => d.Deliveries)
            .Single(d => d.DeliveryId.ToString() == Ids["deliveryId"]);
        json["version"] = JsonSerializer.SerializeToElement(delivery.Version);
        return Json(JsonSerializer.Serialize(json));
    }
}
