using System.Text.Json.Nodes;

namespace Governance.Tests.Contract;

/// <summary>One request body that must be refused, with what is wrong with it.</summary>
public sealed record BadBody(string What, string Json);

/// <summary>
/// Generates invalid JSON bodies for an operation from its schema: a plausible body, then one fault at a time —
/// the body itself null or not JSON, each required field missing, null where not nullable, wrong types, NUL and
/// half surrogates, text beyond any limit, impossible dates and times, unknown enum values, null list elements —
/// plus random faults drawn from the same pools (property-based: a seeded generator, so a failure repeats).
/// </summary>
public sealed class BadBodies(OpenApiOperations schemas)
{
    private const string LoneSurrogate = "__lone_surrogate__";
    public static readonly string HugeText = new('x', 100_001);

    public IEnumerable<BadBody> For(
        JsonObject schema,
        IReadOnlyDictionary<string, string> ids,
        int randomCount,
        int seed
    )
    {
        var baseline = Example(schema, "", ids)!.AsObject();
        foreach (var body in WholeBodies(schema))
            yield return body;
        var fields = Fields(schema, baseline, []).ToList();
        foreach (var field in fields)
        foreach (var (what, value, remove) in Faults(field))
            yield return new BadBody($"{field.Name}: {what}", Mutate(baseline, field.Path, value, remove));
        var random = new Random(seed);
        for (var i = 0; i < randomCount && fields.Count > 0; i++)
        {
            var field = fields[random.Next(fields.Count)];
            var faults = Faults(field).ToList();
            var (what, value, remove) = faults[random.Next(faults.Count)];
            yield return new BadBody($"random {field.Name}: {what}", Mutate(baseline, field.Path, value, remove));
        }
    }

    private sealed record Field(
        string Name,
        object[] Path,
        JsonObject Schema,
        bool Required,
        bool Nullable,
        bool IsText
    );

    private static IEnumerable<BadBody> WholeBodies(JsonObject schema)
    {
        yield return new("body null", "null");
        yield return new("body a list", "[]");
        yield return new("body a text", "\"kommando\"");
        yield return new("body a number", "42");
        yield return new("body empty", "");
        yield return new("body cut short", "{");
        yield return new("body broken", "{\"a\":");
        yield return new("body with a trailing comma", "{\"a\":1,}");
        if (OpenApiOperations.Required(schema).Any())
            yield return new("body without fields", "{}");
    }

    private IEnumerable<Field> Fields(JsonObject schema, JsonObject example, object[] path)
    {
        var required = OpenApiOperations.Required(schema).ToHashSet();
        foreach (var (name, propertySchema) in schema["properties"]?.AsObject() ?? [])
        {
            var resolved = schemas.Resolve(propertySchema)!;
            var fieldPath = path.Append(name).ToArray();
            var type = OpenApiOperations.TypeOf(resolved);
            yield return new(
                string.Join('.', fieldPath),
                fieldPath,
                resolved,
                required.Contains(name),
                OpenApiOperations.IsNullable(propertySchema),
                type == "string" && resolved["format"] is null
            );
            if (type == "object" && example[name] is JsonObject inner)
                foreach (var nested in Fields(resolved, inner, fieldPath))
                    yield return nested;
            if (type == "array" && example[name] is JsonArray { Count: > 0 } list && list[0] is JsonObject first)
                foreach (var nested in Fields(schemas.Resolve(resolved["items"])!, first, [.. fieldPath, 0]))
                    yield return nested;
        }
    }

    private static IEnumerable<(string What, JsonNode? Value, bool Remove)> Faults(Field field)
    {
        if (field.Required)
            yield return ("missing", null, true);
        if (!field.Nullable)
            yield return ("null", null, false);
        var schema = field.Schema;
        switch (OpenApiOperations.TypeOf(schema))
        {
            case "string":
                yield return ("a number", 12345, false);
                yield return ("an object", new JsonObject(), false);
                foreach (var bad in BadFormatted(schema["format"]?.GetValue<string>()))
                    yield return (bad, bad, false);
                if (field.IsText)
                {
                    yield return ("NUL", "före\u0000efter", false);
                    yield return ("half surrogate", LoneSurrogate, false);
                    yield return ("huge", HugeText, false);
                }
                break;
            case "integer":
                yield return ("a text", "abc", false);
                yield return ("a number in text", "7", false);
                yield return ("a fraction", 1.5, false);
                yield return ("too large", JsonValue.Create(99_999_999_999_999), false);
                break;
            case "number":
                yield return ("a text", "ett", false);
                yield return ("a boolean", true, false);
                break;
            case "boolean":
                yield return ("a text", "ja", false);
                yield return ("a number", 1, false);
                break;
            case "enum":
                yield return ("an unknown value", "okäntVärde", false);
                yield return ("a number", 3, false);
                break;
            case "array":
                yield return ("a text", "x", false);
                yield return ("an object", new JsonObject(), false);
                if (!OpenApiOperations.IsNullable(schema["items"]))
                    yield return ("a null element", new JsonArray((JsonNode?)null), false);
                yield return ("an element of the wrong type", new JsonArray(new JsonArray()), false);
                break;
            case "object":
                yield return ("a number", 5, false);
                yield return ("a list", new JsonArray(), false);
                break;
        }
    }

    private static IEnumerable<string> BadFormatted(string? format) =>
        format switch
        {
            "date" => ["2020-02-30", "2020-13-01", "20200101", "igår"],
            "time" => ["25:61", "klockan tolv"],
            "date-time" => ["2020-02-30T25:00:00Z", "nu"],
            "uuid" => ["inte-ett-id", "1234"],
            _ => [],
        };

    private static string Mutate(JsonObject baseline, object[] path, JsonNode? value, bool remove)
    {
        var body = baseline.DeepClone().AsObject();
        JsonNode parent = body;
        foreach (var step in path[..^1])
            parent = step is int index ? parent[index]! : parent[(string)step]!;
        var last = (string)path[^1];
        if (remove)
            parent.AsObject().Remove(last);
        else
            parent[last] = value?.DeepClone();
        return body.ToJsonString().Replace(LoneSurrogate, "\\ud800", StringComparison.Ordinal);
    }

    /// <summary>
    /// A plausible value for a schema: the ids of the world the test arranged, codes and dates that exist.
    /// </summary>
    public JsonNode? Example(JsonObject schema, string name, IReadOnlyDictionary<string, string> ids) =>
        OpenApiOperations.TypeOf(schema) switch
        {
            "enum" => schema["enum"]![0]!.DeepClone(),
            "integer" => name switch
            {
                "version" => 1,
                "year" or "fromYear" => 2020,
                _ => 1,
            },
            "number" => 1000,
            "boolean" => true,
            "array" => new JsonArray(Example(schemas.Resolve(schema["items"])!, name, ids)),
            "object" => new JsonObject(
                (schema["properties"]?.AsObject() ?? []).Select(p =>
                    KeyValuePair.Create(p.Key, Example(schemas.Resolve(p.Value)!, p.Key, ids))
                )
            ),
            _ => schema["format"]?.GetValue<string>() switch
            {
                "date" => "2020-05-14",
                "time" => "13:00",
                "date-time" => "2020-05-14T13:00:00+02:00",
                "uuid" => ids.GetValueOrDefault(name, Guid.NewGuid().ToString()),
                _ => TextFor(name),
            },
        };

    private static string TextFor(string name) =>
        name switch
        {
            _ when name.EndsWith("Code", StringComparison.Ordinal) || name == "code" => "0127",
            _ when name.Contains("email", StringComparison.OrdinalIgnoreCase) => "registrator@botkyrka.se",
            "webhookUrl" => "https://registrator.example.org/governance",
            "csv" => "kod;namn;folkmängd\n0127;Botkyrka;95000",
            _ => "Prov",
        };
}
