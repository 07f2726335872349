using System.Reflection;

namespace Governance.Audit;

/// <summary>
/// Who and when of an event, read from its own fields: every event names the one who acted (…By) and the moment (…At),
/// or is marked as recorded by the service itself.
/// </summary>
public static class EventActor
{
    public static PropertyInfo? ActorProperty(Type eventType) =>
        eventType
            .GetProperties()
            .FirstOrDefault(p => p.PropertyType == typeof(string) && p.Name.EndsWith("By", StringComparison.Ordinal));

    public static PropertyInfo? MomentProperty(Type eventType) =>
        eventType
            .GetProperties()
            .FirstOrDefault(p =>
                p.PropertyType == typeof(DateTimeOffset) && p.Name.EndsWith("At", StringComparison.Ordinal)
            );

    public static string? Of(object data) =>
        ActorProperty(data.GetType())?.GetValue(data) as string ?? ServiceOf(data.GetType());

    public static string? ServiceOf(Type eventType) =>
        eventType
            .GetCustomAttributes(typeof(RecordedByServiceAttribute), false)
            .OfType<RecordedByServiceAttribute>()
            .FirstOrDefault()
            ?.Service;
}

/// <summary>
/// An event the service records by itself (no person acted): the audit trail names the service part instead.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RecordedByServiceAttribute(string service) : Attribute
{
    public string Service { get; } = service;
}
