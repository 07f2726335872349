using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Governance.Infrastructure.Api;

/// <summary>
/// The assembly's XML documentation (Governance.xml beside it): summaries of methods and types as plain text.
/// </summary>
public sealed partial class XmlDocs
{
    private readonly Dictionary<string, string> _summaries = [];

    public static XmlDocs Load(Assembly assembly)
    {
        var docs = new XmlDocs();
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(path))
            return docs;
        foreach (var member in XDocument.Load(path).Descendants("member"))
            if (member.Attribute("name")?.Value is { } name && member.Element("summary") is { } summary)
                docs._summaries[name] = Plain(summary);
        return docs;
    }

    /// <summary>A method's summary (any overload), else its declaring type's.</summary>
    public string? Of(MethodInfo method) =>
        _summaries
            .FirstOrDefault(s =>
                s.Key.StartsWith($"M:{Name(method.DeclaringType!)}.{method.Name}(", StringComparison.Ordinal)
                || s.Key == $"M:{Name(method.DeclaringType!)}.{method.Name}"
            )
            .Value;

    public string? Of(Type type) => _summaries.GetValueOrDefault($"T:{Name(type)}");

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
