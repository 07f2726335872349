using System.Text.Json.Nodes;

namespace Governance.Tests.Contract;

/// <summary>One operation of the service's own OpenAPI document: how to call it and what its body looks like.</summary>
public sealed record ApiOperation(string Id, string Method, string Path, JsonObject? JsonBody, JsonObject? FormBody);

/// <summary>Reads the operations and their request schemas from /openapi/v1.json, resolving references.</summary>
public sealed class OpenApiOperations(JsonObject document)
{
    private JsonObject Components => document["components"]?["schemas"]?.AsObject() ?? [];

    public IReadOnlyList<ApiOperation> Writes() =>
        [
            .. from path in document["paths"]!.AsObject()
            from method in path.Value!.AsObject()
            where method.Key is "post" or "put" or "patch" or "delete"
            let content = method.Value!["requestBody"]?["content"]
            select new ApiOperation(
                method.Value!["operationId"]!.GetValue<string>(),
                method.Key.ToUpperInvariant(),
                path.Key,
                Resolve(content?["application/json"]?["schema"]),
                Resolve(
                    content?["multipart/form-data"]?["schema"]
                        ?? content?["application/x-www-form-urlencoded"]?["schema"]
                )
            ),
        ];

    /// <summary>The schema behind a reference, a nullable wrapper (oneOf with null) or an allOf of parts.</summary>
    public JsonObject? Resolve(JsonNode? schema)
    {
        if (schema is not JsonObject node)
            return null;
        if (node["$ref"]?.GetValue<string>() is { } reference)
            return Resolve(Components[reference.Split('/')[^1]]);
        if ((node["oneOf"] ?? node["anyOf"]) is JsonArray choices)
            return Resolve(choices.FirstOrDefault(c => c?["type"]?.ToString() != "null"));
        if (node["allOf"] is JsonArray parts)
        {
            var merged = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() };
            foreach (var part in parts.Select(Resolve).OfType<JsonObject>())
            foreach (var property in part["properties"]?.AsObject() ?? [])
                merged["properties"]![property.Key] = property.Value?.DeepClone();
            merged["required"] = node["required"]?.DeepClone();
            return merged;
        }
        return node;
    }

    public static bool IsNullable(JsonNode? schema) =>
        schema?["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null")
        || (schema?["oneOf"] ?? schema?["anyOf"]) is JsonArray choices
            && choices.Any(c => c?["type"]?.ToString() == "null");

    /// <summary>The JSON type of a resolved schema: string, integer, number, boolean, array, object, or enum.</summary>
    public static string TypeOf(JsonObject schema)
    {
        if (schema["enum"] is not null)
            return "enum";
        return schema["type"] switch
        {
            JsonArray types => types.Select(t => t!.GetValue<string>()).First(t => t != "null"),
            JsonValue type => type.GetValue<string>(),
            _ => schema["properties"] is not null ? "object" : "any",
        };
    }

    public static IEnumerable<string> Required(JsonObject schema) =>
        schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [];
}
