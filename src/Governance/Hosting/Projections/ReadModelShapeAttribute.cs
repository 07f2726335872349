namespace Governance.Hosting.Projections;

/// <summary>
/// On a read model's document: the shape its stored documents have, raised when a version changes what they hold. A
/// store written in an earlier shape has the read model built again from the events when this version's schema is
/// applied (the register knows each read model by its projection's name and shape), rather than answering from
/// documents of the old shape until each is next written.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReadModelShapeAttribute(int version, string change) : Attribute
{
    public int Version { get; } = version;

    /// <summary>What the shape changed, for whoever reads the class.</summary>
    public string Change { get; } = change;
}
