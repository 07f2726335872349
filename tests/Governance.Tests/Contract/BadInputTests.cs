using System.Text.Json.Nodes;
using Governance.Tests.Support;
using Xunit.Abstractions;

namespace Governance.Tests.Contract;

/// <summary>
/// Every write operation in the service's own OpenAPI document, now and later, is sent generated bad bodies:
/// each is answered 4xx with problem details, never 5xx, and nothing is written.
/// </summary>
public class BadInputTests(AppFixture fixture, ITestOutputHelper output) : ApiWorld(fixture)
{
    [Fact]
    public async Task every_write_answers_every_bad_body_with_a_4xx_problem_and_writes_nothing()
    {
        await GivenAWorldWithEveryRecord();
        // The world's minutes and notices are being delivered: their events are not the bad requests'.
        await WaitUntilQuietAsync();
        var token = Fixture.TokenFor("Alla roller", "secretary", "chair", "member", "registry");
        var generator = new BadBodies(Api);
        var sent = 0;
        var writes = Api.Writes();
        Assert.True(writes.Count >= 40, $"only {writes.Count} write operations in the document");

        foreach (var (operation, index) in writes.Select((o, i) => (o, i)))
        {
            var url = UrlOf(operation);
            var requests = operation.JsonBody is { } schema
                ? generator
                    .For(schema, Ids, randomCount: 25, seed: 1000 + index)
                    .Select(b => (b.What, (Func<HttpContent?>)(() => Json(b.Json))))
                : BadForms(operation);
            foreach (
                var (what, content) in requests.Concat(BadRoutes(operation, content: () => PlausibleBody(operation)))
            )
            {
                var events = await EventCount();
                var latest = await LatestEventSequence();
                var (target, body) = what.StartsWith("route ", StringComparison.Ordinal)
                    ? (what[6..], content())
                    : (url, content());
                using var response = await Send(operation, target, body, token);
                sent++;
                var status = (int)response.StatusCode;
                var answer = await response.Content.ReadAsStringAsync();
                Assert.True(
                    status is >= 400 and < 500,
                    $"{operation.Id} ({what}): {status} {answer[..Math.Min(answer.Length, 400)]}"
                );
                Assert.True(
                    response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                    $"{operation.Id} ({what}): {status} answered {response.Content.Headers.ContentType} "
                        + $"{answer[..Math.Min(answer.Length, 200)]}"
                );
                var written = await EventCount() - events;
                if (written != 0)
                    Assert.Fail($"{operation.Id} ({what}) wrote {written}: {await EventTypesAfter(latest)}");
            }
        }
        output.WriteLine($"{sent} bad requests to {writes.Count} write operations: 0 × 5xx, 0 events written");
        Assert.True(sent >= 2000, $"only {sent} requests");
    }

    /// <summary>A route id that names nothing or is not an id at all.</summary>
    private IEnumerable<(string, Func<HttpContent?>)> BadRoutes(ApiOperation operation, Func<HttpContent?> content)
    {
        foreach (
            var name in System
                .Text.RegularExpressions.Regex.Matches(operation.Path, "{([^}]+)}")
                .Select(m => m.Groups[1].Value)
        )
        foreach (var bad in new[] { "inte-ett-id", Guid.NewGuid().ToString(), new string('9', 300) })
            yield return ($"route {UrlOf(operation).Replace(Ids[name], bad, StringComparison.Ordinal)}", content);
    }

    /// <summary>
    /// Forms (a document, a receipt): each field left out, NUL, half a surrogate pair, huge, the wrong kind of body.
    /// </summary>
    private IEnumerable<(string, Func<HttpContent?>)> BadForms(ApiOperation operation)
    {
        var fields = operation.FormBody?["properties"]?.AsObject().Select(p => p.Key).ToList() ?? [];
        yield return ("no body", () => null);
        yield return ("JSON instead of a form", () => Json("{\"title\":\"Prov\"}"));
        foreach (var field in fields)
        {
            yield return ($"{field} missing", () => Form(fields, field, null));
            foreach (var bad in new[] { "före\u0000efter", "\ud800", BadBodies.HugeText, "" })
                yield return ($"{field} {bad[..Math.Min(bad.Length, 6)]}", () => Form(fields, field, bad));
        }
    }

    private static MultipartFormDataContent Form(List<string> fields, string changed, string? value)
    {
        var form = new MultipartFormDataContent();
        foreach (var field in fields.Where(f => f != changed || value is not null))
        {
            var text =
                field == changed ? value!
                : field == "version" ? "1"
                : "Prov";
            if (field == "file" && text.Length == 0)
                form.Add(new StringContent(""), "file");
            else if (field == "file")
                form.Add(
                    new ByteArrayContent("%PDF-1.4 prov"u8.ToArray())
                    {
                        Headers = { ContentType = new("application/pdf") },
                    },
                    "file",
                    field == changed ? value! : "prov.pdf"
                );
            else
                form.Add(new StringContent(text), field);
        }
        return form;
    }
}
