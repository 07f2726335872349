using Governance.Audit;
using Governance.Hosting;

namespace Governance.Tests.Audit;

/// <summary>
/// Events are the permanent record: each kind says who acted and when, and the audit trail names it in Swedish.
/// </summary>
public class EventConventionTests
{
    /// <summary>Every type the event store knows: what the product appends.</summary>
    public static TheoryData<string> EventTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in AppendedEventTypes())
            data.Add(type.FullName!);
        return data;
    }

    private static IEnumerable<Type> AppendedEventTypes() =>
        typeof(GovernanceAssembly)
            .Assembly.GetTypes()
            .Where(t =>
                t is { IsClass: true, IsAbstract: false }
                && EventLabels.IsKnown(t)
                && t.Namespace?.StartsWith("Governance.", StringComparison.Ordinal) == true
            );

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void names_who_acted_and_when(string typeName)
    {
        var type = typeof(GovernanceAssembly).Assembly.GetType(typeName)!;
        Assert.True(
            EventActor.ActorProperty(type) is not null || EventActor.ServiceOf(type) is not null,
            $"{type.Name} names no one who acted"
        );
        Assert.NotNull(EventActor.MomentProperty(type));
    }

    /// <summary>
    /// The product's event records: past-tense names, the stream's id (or year) first, who acted (…By, or the service)
    /// and when (…At).
    /// Value records inside read models (an approval, a correction) do not start with a stream id of their own.
    /// </summary>
    private static IEnumerable<Type> EventRecords() =>
        typeof(GovernanceAssembly)
            .Assembly.GetTypes()
            .Where(t =>
                t.IsClass
                && t.Namespace?.StartsWith("Governance.", StringComparison.Ordinal) == true
                && t.GetMethod("<Clone>$") is not null
                && System.Text.RegularExpressions.Regex.IsMatch(
                    t.Name,
                    "^[A-Z][A-Za-z]*?(ed|en|Sent|Set)(Of[A-Z][A-Za-z]*)?$"
                )
                && t.GetConstructors().FirstOrDefault()?.GetParameters()
                    is [{ ParameterType: var first, Name: var firstName }, ..]
                && (
                    (first == typeof(Guid) && firstName!.EndsWith("Id", StringComparison.Ordinal))
                    || (first == typeof(int) && firstName == "Year")
                )
                && (EventActor.ActorProperty(t) is not null || EventActor.ServiceOf(t) is not null)
                && EventActor.MomentProperty(t) is not null
            );

    [Fact]
    public void every_event_record_has_a_swedish_label_and_every_label_an_event()
    {
        var events = EventRecords().ToList();
        var unlabelled = events.Where(t => !EventLabels.IsKnown(t)).Select(t => t.Name).ToList();
        Assert.True(unlabelled.Count == 0, "Without a Swedish label: " + string.Join(", ", unlabelled));
        var stale = EventLabels.Names.Except(events.Select(t => t.Name)).ToList();
        Assert.True(stale.Count == 0, "Labels for no event: " + string.Join(", ", stale));
        Assert.True(events.Count >= 45, $"only {events.Count} event records found");
    }
}
