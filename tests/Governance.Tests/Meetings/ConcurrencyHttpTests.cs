using System.Text.Json;
using Alba;
using Governance.Meetings;
using Governance.Tests.Support;

namespace Governance.Tests.Meetings;

public class ConcurrencyHttpTests(AppFixture fixture) : MeetingScenario(fixture)
{
    [Fact]
    public async Task parallel_secretaries_at_the_same_version_one_wins_the_rest_get_409_and_lose_nothing_on_retry()
    {
        await GivenSodertornWithAllRepresentatives();
        var meeting = await Schedule();
        var codes = new[] { "0127", "0136", "0126", "0140", "0192", "0128" };
        OnTheMeetingDay();

        async Task<int> Record(string code, int version)
        {
            var result = await Host.Scenario(s =>
            {
                s.Post.Json(
                        new
                        {
                            personName = RepresentativeOf(code),
                            role = "member",
                            municipalityCode = code,
                            mode = "inPerson",
                            arrivedAt = "12:00",
                            version,
                        }
                    )
                    .ToUrl($"/api/meetings/{meeting}/attendance");
                s.WithBearerToken(SecretaryToken);
                s.IgnoreStatusCode();
            });
            return result.Context.Response.StatusCode;
        }

        // Everyone read version 1 and writes at once.
        var statuses = await Task.WhenAll(codes.Select(code => Record(code, 1)));
        Assert.Equal(1, statuses.Count(s => s == 200));
        Assert.Equal(codes.Length - 1, statuses.Count(s => s == 409));

        // Each loser reads the new version and retries until it gets through.
        var current = await Get<Meeting>($"/api/meetings/{meeting}", MemberToken);
        foreach (var code in codes.Where(c => current.Attendance.All(a => a.MunicipalityCode != c)))
        {
            current = await Get<Meeting>($"/api/meetings/{meeting}", MemberToken);
            Assert.Equal(200, await Record(code, current.Version));
        }

        var final = await Get<Meeting>($"/api/meetings/{meeting}", MemberToken);
        Assert.Equal(codes.Order(), final.Attendance.Select(a => a.MunicipalityCode!).Order());
        Assert.Equal(1 + codes.Length, final.Version);
    }

    [Fact]
    public async Task a_stale_write_is_409_naming_nothing_but_the_versions()
    {
        await GivenSodertornWithAllRepresentatives();
        var meeting = await Schedule();
        await Act(meeting, "/agenda", new { title = "Information", kind = "information" }, ChairToken);
        var stale = await Post(
            $"/api/meetings/{meeting}/agenda",
            new
            {
                title = "Annat",
                kind = "övrigt",
                version = 1,
            },
            ChairToken,
            409
        );
        Assert.Equal(409, stale.ReadAsJson<JsonElement>().GetProperty("status").GetInt32());
        Assert.Single((await Get<Meeting>($"/api/meetings/{meeting}", MemberToken)).Agenda);
    }
}
