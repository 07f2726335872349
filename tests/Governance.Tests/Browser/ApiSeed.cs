using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Infrastructure.Security;
using Governance.Tests.Support;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Tests.Browser;

/// <summary>Records through the API, as another client would, what a browser test starts from.</summary>
public sealed class ApiSeed(BrowserFixture fixture)
{
    public HttpClient Client(string name, string role)
    {
        var token = DevelopmentTokens.Issue(
            new SymmetricSecurityKey(AppFixture.SigningKeyBytes),
            name,
            [role],
            TimeSpan.FromHours(1),
            TimeProvider.System
        );
        var client = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string url) =>
        await client.GetFromJsonAsync<JsonElement>(url);

    private static async Task PostAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        Assert.True(
            response.IsSuccessStatusCode,
            $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
    }

    private static async Task<int> VersionAsync(HttpClient client, string url) =>
        (await GetAsync(client, url)).GetProperty("version").GetInt32();

    /// <summary>
    /// Four members, two of them named in the seed and two the secretary names here (once), arrive at a meeting.
    /// </summary>
    public async Task FourMembersArriveAsync(Guid meetingId, string at)
    {
        using var secretary = Client("Sekretariatet Huddinge", Roles.Secretary);
        var municipalities = await GetAsync(secretary, "/api/municipalities");
        foreach (var (code, name) in new[] { ("0128", "Ledamot Salem"), ("0138", "Ledamot Tyresö") })
        {
            var m = municipalities.EnumerateArray().Single(x => x.GetProperty("code").GetString() == code);
            if (m.GetProperty("representative").GetString() == name)
                continue;
            var id = m.GetProperty("id").GetGuid();
            await PostAsync(
                secretary,
                $"/api/municipalities/{id}/representatives",
                new
                {
                    personName = name,
                    from = "2020-01-01",
                    version = await VersionAsync(secretary, $"/api/municipalities/{id}"),
                }
            );
        }
        var url = $"/api/meetings/{meetingId}";
        foreach (
            var (person, code) in new[]
            {
                ("Daniel Dronjak", "0126"),
                ("Boel Godner", "0181"),
                ("Ledamot Salem", "0128"),
                ("Ledamot Tyresö", "0138"),
            }
        )
        {
            await PostAsync(
                secretary,
                $"{url}/attendance",
                new
                {
                    personName = person,
                    role = "member",
                    municipalityCode = code,
                    mode = "inPerson",
                    arrivedAt = at,
                    version = await VersionAsync(secretary, url),
                }
            );
        }
    }

    public async Task<Guid> CommitteeMeetingOnAsync(DateOnly date)
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var meetings = await GetAsync(client, $"/api/meetings?year={date.Year}&body=committee");
        return meetings
            .GetProperty("meetings")
            .EnumerateArray()
            .Single(x => x.GetProperty("date").GetString() == date.ToString("yyyy-MM-dd"))
            .GetProperty("id")
            .GetGuid();
    }

    /// <summary>
    /// The reference calendar's committee meeting on a date, held with four members, one item decided, minutes
    /// approved.
    /// </summary>
    public async Task<Guid> HeldMeetingWithApprovedDecisionAsync(
        DateOnly date,
        string title,
        string kind,
        string wording
    )
    {
        using var secretary = Client("Sekretariatet Huddinge", Roles.Secretary);
        using var chair = Client("Daniel Dronjak", Roles.Chair);

        var meetingId = await CommitteeMeetingOnAsync(date);
        var url = $"/api/meetings/{meetingId}";
        await PostAsync(
            chair,
            $"{url}/agenda",
            new
            {
                title,
                kind,
                version = await VersionAsync(chair, url),
            }
        );
        await FourMembersArriveAsync(meetingId, "12:00");
        var itemId = (await GetAsync(secretary, url))
            .GetProperty("agenda")
            .EnumerateArray()
            .Last()
            .GetProperty("itemId")
            .GetGuid();
        await PostAsync(
            secretary,
            $"{url}/agenda/{itemId}/decision",
            new
            {
                wording,
                at = "13:00",
                version = await VersionAsync(secretary, url),
            }
        );
        await PostAsync(secretary, $"{url}/close", new { at = "15:00", version = await VersionAsync(secretary, url) });
        await PostAsync(chair, $"{url}/minutes/approval", new { version = await VersionAsync(chair, url) });
        return meetingId;
    }
}
