namespace Governance.Infrastructure.Validation;

/// <summary>
/// What no text in the record may hold: PostgreSQL refuses the NUL character and half surrogate pairs.
/// </summary>
public static class TextRules
{
    public const string HalfSurrogate = "Texten innehåller ett ogiltigt tecken (ett halvt surrogatpar).";

    public static string? Fault(string text)
    {
        if (text.Length > RequestShape.MaxTextLength)
            return $"Texten får vara högst {RequestShape.MaxTextLength:N0} tecken.";
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
                return "Texten får inte innehålla tecknet NUL (\\u0000).";
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(c))
                return HalfSurrogate;
        }
        return null;
    }
}
