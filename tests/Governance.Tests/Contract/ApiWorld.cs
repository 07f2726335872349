using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using Governance.Distribution;
using Governance.Municipalities;
using Governance.Tests.Distribution;
using Governance.Tests.Support;

namespace Governance.Tests.Contract;

/// <summary>
/// A committee with something in every record, so that every route id names something real: the reference data,
/// a meeting with a raised matter on its agenda and its notice delivered to every member's registry.
/// </summary>
public abstract class ApiWorld(AppFixture fixture) : DistributionScenario(fixture)
{
    protected Dictionary<string, string> Ids { get; } = [];
    protected OpenApiOperations Api { get; private set; } = null!;

    protected async Task GivenAWorldWithEveryRecord()
    {
        await GivenSodertornWithAllRepresentatives();
        Smtp.Start();
        var meeting = await Schedule();
        var matter = await Act(
            meeting,
            "/matters",
            new
            {
                title = "Gemensam bostadsplanering",
                kind = "beslut",
                municipalityCode = "0127",
            },
            MemberOf("0127")
        );
        var matterId = matter.GetProperty("matters")[0].GetProperty("matterId").GetString()!;
        var agenda = await Act(meeting, "/agenda", new { matterId }, ChairToken);
        await Act(meeting, "/notice", new { }, ChairToken);
        var status = await WaitFor(s =>
            s.Documents.Count > 0 && s.Documents.All(d => d.Deliveries.All(x => x.Status == DeliveryStatus.Sent))
        );
        var plan = await Get<JsonElement>("/api/plans/2020");

        Ids["meetingId"] = meeting.ToString();
        Ids["matterId"] = matterId;
        Ids["itemId"] = agenda.GetProperty("agenda")[0].GetProperty("itemId").GetString()!;
        Ids["municipalityId"] = Municipality.IdFor("0127").ToString();
        Ids["deliveryId"] = status
            .Documents[0]
            .Deliveries.First(d => d.MunicipalityCode == "0127")
            .DeliveryId.ToString();
        Ids["activityId"] = plan.GetProperty("activities")[0].GetProperty("activityId").GetString()!;
        Ids["year"] = "2020";
        Ids["municipalityCode"] = "0127";
        Ids["projectId"] = Guid.NewGuid().ToString();

        // Acts are dated today at the latest: the world's day is the plausible date bodies carry (BadBodies.Example).
        Fixture.Clock.Set(new DateTimeOffset(2020, 5, 14, 18, 0, 0, TimeSpan.FromHours(2)));
        var document = await Host.Scenario(s => s.Get.Url("/openapi/v1.json"));
        Api = new OpenApiOperations(JsonNode.Parse(document.ReadAsText())!.AsObject());
    }

    /// <summary>The operation's path with every route value filled from the world.</summary>
    protected string UrlOf(ApiOperation operation) =>
        System.Text.RegularExpressions.Regex.Replace(
            operation.Path,
            "{([^}]+)}",
            m =>
                Ids.TryGetValue(m.Groups[1].Value, out var id)
                    ? id
                    : throw new InvalidOperationException($"No id for {m.Value}")
        );

    protected async Task<HttpResponseMessage> Send(
        ApiOperation operation,
        string url,
        HttpContent? content,
        string? token
    )
    {
        using var client = Host.Server.CreateClient();
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), url) { Content = content };
        return await client.SendAsync(request);
    }

    protected static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>
    /// A plausible body for the operation: JSON, or a form with a small file where the operation takes one.
    /// </summary>
    protected HttpContent? PlausibleBody(ApiOperation operation)
    {
        var bodies = new BadBodies(Api);
        if (operation.JsonBody is { } json)
            return Json(bodies.Example(json, "", Ids)!.ToJsonString());
        if (operation.FormBody is not { } form)
            return null;
        var content = new MultipartFormDataContent();
        foreach (var (name, schema) in form["properties"]?.AsObject() ?? [])
        {
            if (Api.Resolve(schema)?["properties"] is not null || name == "file")
                content.Add(
                    new ByteArrayContent("%PDF-1.4 prov"u8.ToArray())
                    {
                        Headers = { ContentType = new("application/pdf") },
                    },
                    name,
                    "prov.pdf"
                );
            else
                content.Add(new StringContent(name == "version" ? "1" : "Prov"), name);
        }
        return content;
    }
}
