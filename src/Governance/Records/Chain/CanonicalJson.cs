using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Governance.Records.Chain;

/// <summary>
/// One spelling for a JSON value, so that the event data as the service serialised it and as PostgreSQL gives it back
/// from jsonb (keys reordered, spaces added, escapes changed) hash alike: object keys in ordinal order of their UTF-16
/// code units (as RFC 8785), no whitespace, strings escaped only where JSON requires it, numbers as exact decimals.
/// An archive can rebuild it from this description alone.
/// </summary>
public static class CanonicalJson
{
    public static string Of(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Of(document.RootElement);
    }

    public static string Of(JsonElement element)
    {
        var text = new StringBuilder();
        Write(element, text);
        return text.ToString();
    }

    private static void Write(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append('{');
                var first = true;
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (!first)
                        text.Append(',');
                    first = false;
                    WriteString(property.Name, text);
                    text.Append(':');
                    Write(property.Value, text);
                }
                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (i++ > 0)
                        text.Append(',');
                    Write(item, text);
                }
                text.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!, text);
                break;
            case JsonValueKind.Number:
                text.Append(Number(element.GetRawText()));
                break;
            default:
                text.Append(element.GetRawText()); // true, false, null
                break;
        }
    }

    /// <summary>
    /// An exact decimal keeps its scale (2012800.00 stays so, as in jsonb); an exponent is written out.
    /// </summary>
    private static string Number(string raw) =>
        decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value.ToString(CultureInfo.InvariantCulture)
            : raw;

    private static readonly SearchValues<char> NeedsEscape = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f"
            + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"
    );

    public static void WriteString(string value, StringBuilder text)
    {
        text.Append('"');
        if (value.AsSpan().IndexOfAny(NeedsEscape) < 0)
        {
            text.Append(value);
        }
        else
        {
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"':
                        text.Append("\\\"");
                        break;
                    case '\\':
                        text.Append("\\\\");
                        break;
                    case '\b':
                        text.Append("\\b");
                        break;
                    case '\f':
                        text.Append("\\f");
                        break;
                    case '\n':
                        text.Append("\\n");
                        break;
                    case '\r':
                        text.Append("\\r");
                        break;
                    case '\t':
                        text.Append("\\t");
                        break;
                    case < ' ':
                        text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                        break;
                    default:
                        text.Append(c);
                        break;
                }
            }
        }
        text.Append('"');
    }
}
