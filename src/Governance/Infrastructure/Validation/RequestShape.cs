using System.Text.Json;

namespace Governance.Infrastructure.Validation;

/// <summary>
/// Checks a request body against its command's shape before anything reads it: every field the client must send is
/// there, nothing is null that may not be, every value has its type, and no text holds what PostgreSQL cannot store.
/// All faults are reported at once, each under the field's JSON path ("parties[0].municipalityCode").
/// </summary>
public static class RequestShape
{
    /// <summary>
    /// Longest text any field takes; the commands' own validators set tighter limits where they know better.
    /// </summary>
    public const int MaxTextLength = 100_000;

    public const string Root = "$";

    public static Dictionary<string, string[]> Check(JsonElement body, ValueShape shape, JsonSerializerOptions options)
    {
        var errors = new Dictionary<string, List<string>>();
        if (body.ValueKind != JsonValueKind.Object)
            Add(errors, Root, "Innehållet ska vara ett JSON-objekt med kommandots fält.");
        else
            CheckValue(body, shape, "", options, errors);
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static void CheckValue(
        JsonElement value,
        ValueShape shape,
        string path,
        JsonSerializerOptions options,
        Dictionary<string, List<string>> errors
    )
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!shape.Nullable)
                Add(errors, path, "Fältet får inte vara null.");
            return;
        }
        switch (shape.Kind)
        {
            case ShapeKind.Text when value.ValueKind != JsonValueKind.String:
                Add(errors, path, "Fältet ska vara en text.");
                break;
            case ShapeKind.Text:
                if (TextOf(value) is not { } text)
                    Add(errors, path, TextRules.HalfSurrogate);
                else if (TextRules.Fault(text) is { } fault)
                    Add(errors, path, fault);
                break;
            case ShapeKind.List when value.ValueKind != JsonValueKind.Array:
                Add(errors, path, "Fältet ska vara en lista.");
                break;
            case ShapeKind.List:
                var index = 0;
                foreach (var element in value.EnumerateArray())
                    CheckValue(element, shape.Element!, $"{path}[{index++}]", options, errors);
                break;
            case ShapeKind.Object when value.ValueKind != JsonValueKind.Object:
                Add(errors, path, "Fältet ska vara ett objekt.");
                break;
            case ShapeKind.Object:
                CheckFields(value, shape, path, options, errors);
                break;
            default:
                if (!Converts(value, shape.Type, options))
                    Add(errors, path, ValueDescriptions.Expected(shape.Type));
                break;
        }
    }

    private static void CheckFields(
        JsonElement value,
        ValueShape shape,
        string path,
        JsonSerializerOptions options,
        Dictionary<string, List<string>> errors
    )
    {
        var comparison = options.PropertyNameCaseInsensitive
            ? StringComparison.OrdinalIgnoreCase
            : StringComparison.Ordinal;
        foreach (var field in shape.Fields)
        {
            var fieldPath = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
            var present = value.EnumerateObject().Where(p => string.Equals(p.Name, field.Name, comparison)).ToList();
            if (present.Count == 0)
            {
                if (field.Required)
                    Add(errors, fieldPath, "Fältet saknas.");
                continue;
            }
            CheckValue(present[^1].Value, field.Value, fieldPath, options, errors);
        }
    }

    /// <summary>The text, or null when its escapes name half a surrogate pair (no string can hold it).</summary>
    private static string? TextOf(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static bool Converts(JsonElement value, Type type, JsonSerializerOptions options)
    {
        try
        {
            value.Deserialize(type, options);
            return true;
        }
        catch (Exception e)
            when (e
                    is JsonException
                        or NotSupportedException
                        or FormatException
                        or InvalidOperationException
                        or ArgumentException
                        or OverflowException
            )
        {
            return false;
        }
    }

    private static void Add(Dictionary<string, List<string>> errors, string path, string message)
    {
        var key = path.Length == 0 ? Root : path;
        if (!errors.TryGetValue(key, out var list))
            errors[key] = list = [];
        list.Add(message);
    }
}
