using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.Tests.Meetings;
using Governance.Tests.Support;

namespace Governance.Tests.Contract;

/// <summary>
/// Every kind of error a client can meet, the framework's own included, answers RFC 9457 problem details in Swedish:
/// a `type` on the service whose page explains it, no English default, no C# type name, no stack.
/// </summary>
public partial class SwedishProblemsTests(AppFixture fixture) : MeetingScenario(fixture)
{
    private async Task<(int Status, JsonElement Problem, string Raw)> Send(
        HttpMethod method,
        string url,
        string? token = null,
        HttpContent? content = null
    )
    {
        using var client = Host.Server.CreateClient();
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(new HttpRequestMessage(method, url) { Content = content });
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return ((int)response.StatusCode, JsonDocument.Parse(raw).RootElement.Clone(), raw);
    }

    private async Task AssertSwedish(int status, JsonElement problem, string raw, int expectedStatus, string slug)
    {
        Assert.Equal(expectedStatus, status);
        Assert.Equal(expectedStatus, problem.GetProperty("status").GetInt32());
        var type = problem.GetProperty("type").GetString()!;
        Assert.Equal($"http://governance.test/problem/{slug}", type);
        var title = problem.GetProperty("title").GetString()!;
        Assert.DoesNotMatch(English(), title);
        Assert.DoesNotMatch(CodeOrStack(), raw);
        var page = (await Host.Scenario(s => s.Get.Url(new Uri(type).AbsolutePath))).ReadAsText();
        Assert.Contains("Vad gör jag nu?", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_frameworks_own_errors_are_answered_in_swedish_with_a_type_that_explains_them()
    {
        await GivenSodertornWithAllRepresentatives();
        var meeting = await Schedule();
        var json = (string body) => new StringContent(body, Encoding.UTF8, "application/json");

        var (s, p, r) = await Send(HttpMethod.Post, "/api/meetings", content: json("{}"));
        await AssertSwedish(s, p, r, 401, "inloggning-kravs");
        (s, p, r) = await Send(HttpMethod.Post, "/api/meetings", MemberToken, json("{}"));
        await AssertSwedish(s, p, r, 403, "behorighet-saknas");
        (s, p, r) = await Send(HttpMethod.Get, "/api/finns-inte");
        await AssertSwedish(s, p, r, 404, "finns-inte");
        (s, p, r) = await Send(HttpMethod.Get, $"/api/meetings/{Guid.NewGuid()}");
        await AssertSwedish(s, p, r, 404, "finns-inte");
        (s, p, r) = await Send(
            HttpMethod.Post,
            $"/api/meetings/{Guid.NewGuid()}/cancel",
            SecretaryToken,
            json("{\"reason\":\"x\",\"version\":1}")
        );
        await AssertSwedish(s, p, r, 404, "finns-inte");
        Assert.StartsWith(
            "Det finns inget sammanträde med id",
            p.GetProperty("detail").GetString(),
            StringComparison.Ordinal
        );
        (s, p, r) = await Send(HttpMethod.Delete, "/api/meetings", SecretaryToken);
        await AssertSwedish(s, p, r, 405, "metoden-stods-inte");
        (s, p, r) = await Send(
            HttpMethod.Post,
            $"/api/meetings/{meeting}/cancel",
            SecretaryToken,
            new StringContent("inställt")
        );
        await AssertSwedish(s, p, r, 415, "fel-innehallstyp");
        (s, p, r) = await Send(
            HttpMethod.Post,
            $"/api/meetings/{meeting}/cancel",
            SecretaryToken,
            json("{\"reason\": \"sjukdom\", ")
        );
        await AssertSwedish(s, p, r, 400, "ogiltiga-uppgifter");
        Assert.Contains("rad 1", p.GetProperty("errors").GetProperty("$")[0].GetString(), StringComparison.Ordinal);
        (s, p, r) = await Send(HttpMethod.Get, "/api/decisions?year=tjugo");
        await AssertSwedish(s, p, r, 400, "ogiltiga-uppgifter");
        Assert.True(p.GetProperty("errors").TryGetProperty("year", out _));

        await Act(
            meeting,
            "/reschedule",
            new
            {
                date = "2020-04-30",
                startsAt = "12:00",
                endsAt = "15:30",
                hostMunicipalityCode = "0128",
                place = "Salems kommunhus",
            },
            SecretaryToken
        );
        (s, p, r) = await Send(
            HttpMethod.Post,
            $"/api/meetings/{meeting}/cancel",
            SecretaryToken,
            json("{\"reason\":\"sjukdom\",\"version\":1}")
        );
        await AssertSwedish(s, p, r, 409, "inaktuell-version");
        Assert.Equal(1, p.GetProperty("expectedVersion").GetInt32());
        Assert.Equal(2, p.GetProperty("currentVersion").GetInt32());
        Assert.Contains("version 1", p.GetProperty("detail").GetString(), StringComparison.Ordinal);

        (s, p, r) = await Send(
            HttpMethod.Post,
            "/api/meetings",
            SecretaryToken,
            json(
                "{\"body\":\"committee\",\"kind\":\"ordinary\",\"date\":\"2020-05-14\","
                    + "\"startsAt\":\"12:00\",\"endsAt\":\"15:00\","
                    + "\"hostMunicipalityCode\":\"0180\",\"place\":\"Stockholm\"}"
            )
        );
        await AssertSwedish(s, p, r, 409, "regelbrott");
        Assert.True(p.TryGetProperty("rule", out _));
    }

    [Fact]
    public async Task every_problem_type_has_its_page_and_the_list_names_them_all()
    {
        var list = (await Host.Scenario(s => s.Get.Url("/problem"))).ReadAsText();
        foreach (var type in Governance.Infrastructure.Problems.ProblemTypes.All)
        {
            Assert.Contains(type.Path, list, StringComparison.Ordinal);
            await Host.Scenario(s => s.Get.Url(type.Path));
        }
        await Host.Scenario(s =>
        {
            s.Get.Url("/problem/okand");
            s.StatusCodeShouldBe(404);
        });
    }

    [Theory]
    [InlineData(1, "1 ärende")]
    [InlineData(0, "0 ärenden")]
    [InlineData(3, "3 ärenden")]
    public void a_count_takes_its_noun_in_the_right_number(int count, string expected) =>
        Assert.Equal(expected, Governance.Infrastructure.Swedish.Labels.Count(count, "ärende", "ärenden"));

    [GeneratedRegex(
        @"\b(Unauthorized|Forbidden|Not Found|Method Not Allowed|Unsupported|Invalid|"
            + @"error occurred|validation errors)\b"
    )]
    private static partial Regex English();

    [GeneratedRegex(@"Governance\.[A-Z]|System\.[A-Z]|\bat [A-Z]\w+\.|Exception")]
    private static partial Regex CodeOrStack();
}
