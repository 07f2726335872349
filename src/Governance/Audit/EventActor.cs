using System.Reflection;

namespace Governance.Audit;

/// <summary>Who and when of an event, read from its own fields: every event names the one who acted (…By) and the moment (…At).</summary>
public static class EventActor
{
    public static PropertyInfo? ActorProperty(Type eventType) => eventType.GetProperties()
        .FirstOrDefault(p => p.PropertyType == typeof(string) && p.Name.EndsWith("By", StringComparison.Ordinal));

    public static PropertyInfo? MomentProperty(Type eventType) => eventType.GetProperties()
        .FirstOrDefault(p => p.PropertyType == typeof(DateTimeOffset) && p.Name.EndsWith("At", StringComparison.Ordinal));

    public static string? Of(object data) => ActorProperty(data.GetType())?.GetValue(data) as string;
}
