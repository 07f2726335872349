using System.Text.Json;
using System.Text.Json.Nodes;

namespace Governance.Audit;

/// <summary>
/// An event's content as the audit trail shows it: everything recorded, except secrets (a webhook's shared key).
/// </summary>
public static class EventContent
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Shown(object data, Type type)
    {
        var node = JsonSerializer.SerializeToNode(data, type, Indented);
        Hide(node);
        return node?.ToJsonString(Indented) ?? "";
    }

    private static void Hide(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (name.Contains("secret", StringComparison.OrdinalIgnoreCase) && value is not null)
                        obj[name] = "(dold)";
                    else
                        Hide(value);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                    Hide(item);
                break;
        }
    }
}
