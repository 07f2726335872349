using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Governance.Records.Chain;

namespace Governance.Records.Archive;

/// <summary>JSON for the archive: canonical (keys sorted, numbers exact), then indented for people, as UTF-8.</summary>
public static class ArchiveJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Of(JsonElement element) => Of(CanonicalJson.Of(element));

    public static byte[] Of(string json) =>
        Encoding.UTF8.GetBytes(JsonNode.Parse(CanonicalJson.Of(json))!.ToJsonString(Indented) + "\n");
}
