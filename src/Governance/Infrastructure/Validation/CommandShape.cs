using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Governance.Infrastructure.Validation;

/// <summary>
/// What a JSON value may hold: text, a list, an object with fields, or a single value (date, number, …).
/// </summary>
public enum ShapeKind
{
    Text,
    List,
    Object,
    Value,
}

/// <summary>
/// The shape of a JSON value as the command type declares it. A field is required when its type is not nullable
/// and it has no default value; `string?`, `int?` and the like are optional. Null is accepted only where the type
/// is nullable, in lists too (`IReadOnlyList&lt;string&gt;` takes no null element).
/// </summary>
public sealed record ValueShape(Type Type, ShapeKind Kind, bool Nullable)
{
    public ValueShape? Element { get; init; }
    public IReadOnlyList<FieldShape> Fields { get; init; } = [];
}

public sealed record FieldShape(string Name, bool Required, ValueShape Value);

public static class CommandShape
{
    private static readonly ConcurrentDictionary<(Type, JsonSerializerOptions), ValueShape> Cache = new();

    // NullabilityInfoContext caches without a lock: one per thread, as the first requests build shapes concurrently.
    [ThreadStatic]
    private static NullabilityInfoContext? _nullability;

    private static NullabilityInfoContext Nullability => _nullability ??= new NullabilityInfoContext();

    /// <summary>The shape of a request body of the given type, as the serializer options name its fields.</summary>
    public static ValueShape Of(Type type, JsonSerializerOptions options) =>
        Cache.GetOrAdd((type, options), key => Build(key.Item1, nullable: false, null, key.Item2, []));

    private static ValueShape Build(
        Type type,
        bool nullable,
        NullabilityInfo? info,
        JsonSerializerOptions options,
        HashSet<Type> seen
    )
    {
        var underlying = System.Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
            return new(type, ShapeKind.Text, nullable);
        if (ElementOf(underlying, info) is var (elementType, elementInfo) && elementType is not null)
        {
            var elementNullable = IsNullable(elementType, elementInfo);
            return new(type, ShapeKind.List, nullable)
            {
                Element = Build(elementType, elementNullable, elementInfo, options, seen),
            };
        }
        var typeInfo = options.GetTypeInfo(underlying);
        if (typeInfo.Kind != JsonTypeInfoKind.Object || !seen.Add(underlying))
            return new(type, ShapeKind.Value, nullable);
        var fields = typeInfo
            .Properties.Where(p => p.Set is not null || p.AssociatedParameter is not null)
            .Select(p => Field(p, options, seen))
            .ToList();
        seen.Remove(underlying);
        return new(type, ShapeKind.Object, nullable) { Fields = fields };
    }

    private static FieldShape Field(JsonPropertyInfo property, JsonSerializerOptions options, HashSet<Type> seen)
    {
        var parameter = property.AssociatedParameter;
        var info =
            parameter?.AttributeProvider is ParameterInfo p ? Nullability.Create(p)
            : property.AttributeProvider is PropertyInfo prop ? Nullability.Create(prop)
            : null;
        var nullable = parameter?.IsNullable ?? property.IsSetNullable;
        // A constructor parameter without a default must be sent; so must a `required` member.
        var required = property.IsRequired || (parameter is { HasDefaultValue: false } && !nullable);
        return new(property.Name, required, Build(property.PropertyType, nullable, info, options, seen));
    }

    private static (Type?, NullabilityInfo?) ElementOf(Type type, NullabilityInfo? info)
    {
        if (type.IsArray)
            return (type.GetElementType(), info?.ElementType);
        if (!type.IsGenericType || type.GetGenericArguments().Length != 1)
            return (null, null);
        var enumerable = typeof(IEnumerable<>).MakeGenericType(type.GetGenericArguments()[0]);
        return enumerable.IsAssignableFrom(type)
            ? (type.GetGenericArguments()[0], info?.GenericTypeArguments.FirstOrDefault())
            : (null, null);
    }

    private static bool IsNullable(Type type, NullabilityInfo? info) =>
        type.IsValueType
            ? System.Nullable.GetUnderlyingType(type) is not null
            : info?.ReadState != NullabilityState.NotNull;
}
