using Governance.Audit;
using Governance.Hosting;

namespace Governance.Tests.Audit;

/// <summary>Events are the permanent record: each kind says who acted and when, and the audit trail names it in Swedish.</summary>
public class EventConventionTests
{
    /// <summary>Every type the event store knows: what the product appends.</summary>
    public static TheoryData<string> EventTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in AppendedEventTypes()) data.Add(type.FullName!);
        return data;
    }

    private static IEnumerable<Type> AppendedEventTypes() => typeof(GovernanceAssembly).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && EventLabels.IsKnown(t) && t.Namespace?.StartsWith("Governance.", StringComparison.Ordinal) == true
                    && t.GetProperties().Any(p => p.PropertyType == typeof(DateTimeOffset)));

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void names_who_acted_and_when(string typeName)
    {
        var type = typeof(GovernanceAssembly).Assembly.GetType(typeName)!;
        Assert.True(EventActor.ActorProperty(type) is not null || EventActor.ServiceOf(type) is not null, $"{type.Name} names no one who acted");
        Assert.NotNull(EventActor.MomentProperty(type));
    }

    [Fact]
    public void every_event_record_in_the_product_has_a_swedish_label()
    {
        // Past-tense records with who (…By) and when (…At) are the events; each must be labelled for the audit trail.
        var records = typeof(GovernanceAssembly).Assembly.GetTypes().Where(t => t.IsClass && t.Namespace?.StartsWith("Governance.", StringComparison.Ordinal) == true
            && t.GetMethod("<Clone>$") is not null && EventActor.ActorProperty(t) is not null && EventActor.MomentProperty(t) is not null
            && t.Name.EndsWith("ed", StringComparison.Ordinal));
        var unlabelled = records.Where(t => !EventLabels.IsKnown(t)).Select(t => t.Name).ToList();
        Assert.True(unlabelled.Count == 0, "Without a Swedish label: " + string.Join(", ", unlabelled));
        Assert.True(AppendedEventTypes().Count() >= 40);
    }
}
