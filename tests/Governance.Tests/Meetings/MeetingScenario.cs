using System.Net.Http.Headers;
using System.Text.Json;
using Alba;
using Governance.Infrastructure.Security;
using Governance.Municipalities;
using Governance.Tests.Support;

namespace Governance.Tests.Meetings;

/// <summary>
/// Shared arrangements for the meeting tests: reference data, every municipality's representative, a scheduled meeting.
/// </summary>
public abstract class MeetingScenario(AppFixture fixture) : IntegrationContext(fixture)
{
    public static readonly (string Code, string Name)[] Representatives =
    [
        ("0127", "Ebba Östlin"),
        ("0136", "Martina Mossberg"),
        ("0126", "Daniel Dronjak"),
        ("0140", "Bo Cederlöf"),
        ("0192", "Patrik Isestad"),
        ("0128", "Sara Ericson"),
        ("0181", "Boel Godner"),
        ("0138", "Fredrik Saweståhl"),
    ];

    protected string ChairToken => Fixture.TokenFor("Daniel Dronjak", Roles.Chair);

    protected string MemberOf(string code) => Fixture.TokenFor(RepresentativeOf(code), Roles.Member, code);

    protected int Version { get; set; }

    protected async Task GivenSodertornWithAllRepresentatives()
    {
        await GivenReferenceData();
        await using var session = Store.LightweightSession();
        foreach (var (code, name) in Representatives)
        {
            var stream = await session.Events.FetchForWriting<Municipality>(Municipality.IdFor(code));
            stream.AppendOne(
                new RepresentativeNamed(
                    Municipality.IdFor(code),
                    name,
                    new DateOnly(2019, 1, 1),
                    "test",
                    AppFixture.StartOfTests
                )
            );
        }
        await session.SaveChangesAsync();
    }

    protected async Task<Guid> Schedule(
        string date = "2020-04-23",
        string host = "0128",
        string body = "committee",
        string kind = "ordinary",
        string startsAt = "12:00"
    )
    {
        var result = await Post(
            "/api/meetings",
            new
            {
                body,
                kind,
                date,
                startsAt,
                endsAt = "15:30",
                hostMunicipalityCode = host,
                place = "Salems kommunhus",
            },
            SecretaryToken,
            201
        );
        Version = 1;
        return (await result.ReadAsJsonAsync<JsonElement>()).GetProperty("value").GetGuid();
    }

    /// <summary>A command on the meeting at the current version; on success the version moves on.</summary>
    protected async Task<JsonElement> Act(Guid meetingId, string path, object body, string token, int expected = 200)
    {
        var json = JsonSerializer.SerializeToElement(body);
        var withVersion = json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        withVersion["version"] = Version;
        var result = await Post($"/api/meetings/{meetingId}{path}", withVersion, token, expected);
        var answer = await result.ReadAsJsonAsync<JsonElement>();
        if (expected == 200)
            Version = answer.GetProperty("version").GetInt32();
        return answer;
    }

    /// <summary>
    /// What happens at a meeting is recorded from its day on (MeetingRules.HasBegun): the clock moves to that day's
    /// afternoon, after the notice went out on time.
    /// </summary>
    protected void OnTheMeetingDay(string date = "2020-04-23")
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var local = day.ToDateTime(new TimeOnly(16, 0));
        var offset = Governance.Infrastructure.Time.StockholmTime.Zone.GetUtcOffset(local);
        Fixture.Clock.Set(new DateTimeOffset(local, offset));
    }

    protected static string RepresentativeOf(string code) => Representatives.Single(r => r.Code == code).Name;

    protected Task<JsonElement> Attend(
        Guid meetingId,
        string code,
        string mode = "inPerson",
        string arrived = "12:00",
        string? departed = null
    ) =>
        Act(
            meetingId,
            "/attendance",
            new
            {
                personName = RepresentativeOf(code),
                role = "member",
                municipalityCode = code,
                mode,
                arrivedAt = arrived,
                departedAt = departed,
            },
            SecretaryToken
        );

    protected async Task<HttpResponseMessage> Upload(
        Guid meetingId,
        Guid itemId,
        string title,
        byte[] content,
        string fileName
    )
    {
        using var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SecretaryToken);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(title), "title" },
            { new StringContent(Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), "version" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        return await client.PostAsync($"/api/meetings/{meetingId}/agenda/{itemId}/documents", form);
    }
}
