using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Governance.Infrastructure.Api;

/// <summary>
/// The assembly's XML documentation (Governance.xml beside it): summaries of methods and types as plain text.
/// </summary>
public sealed partial class XmlDocs
{
    // Read at start for every endpoint: kept as elements, made plain text only when asked for, and methods found by
    // name (any overload) in one lookup rather than by a search of every member.
    private readonly Dictionary<string, XElement> _summaries = [];
    private readonly Dictionary<string, XElement> _methods = [];

    public static XmlDocs Load(Assembly assembly)
    {
        var docs = new XmlDocs();
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(path))
            return docs;
        foreach (var member in XDocument.Load(path).Descendants("member"))
        {
            if (member.Attribute("name")?.Value is not { } name || member.Element("summary") is not { } summary)
                continue;
            docs._summaries[name] = summary;
            if (name.StartsWith("M:", StringComparison.Ordinal))
                docs._methods.TryAdd(name.Split('(')[0], summary);
        }
        return docs;
    }

    /// <summary>A method's summary (the first overload documented).</summary>
    public string? Of(MethodInfo method) =>
        _methods.GetValueOrDefault($"M:{Name(method.DeclaringType!)}.{method.Name}") is { } summary
            ? Plain(summary)
            : null;

    public string? Of(Type type) => _summaries.GetValueOrDefault($"T:{Name(type)}") is { } s ? Plain(s) : null;

    private static string Name(Type type) => type.FullName!.Replace('+', '.');

    /// <summary>The text of a doc element: references by their short name, code as is, whitespace collapsed.</summary>
    private static string Plain(XElement element)
    {
        var text = string.Concat(
            element
                .Nodes()
                .Select(node =>
                    node switch
                    {
                        XText t => t.Value,
                        XElement { Name.LocalName: "see" or "seealso" } see => ShortName(
                            see.Attribute("cref")?.Value ?? see.Value
                        ),
                        XElement { Name.LocalName: "paramref" or "typeparamref" } p => p.Attribute("name")?.Value ?? "",
                        XElement e => e.Value,
                        _ => "",
                    }
                )
        );
        return Whitespace().Replace(text, " ").Trim();
    }

    private static string ShortName(string cref) => cref.Split(':')[^1].Split('(')[0].Split('.')[^1];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
