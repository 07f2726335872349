namespace Governance.Infrastructure.Validation;

/// <summary>
/// What a field of a given type expects, in the words a client's developer and the secretary both read.
/// </summary>
public static class ValueDescriptions
{
    public static string Expected(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum)
        {
            var names = Enum.GetNames(t).Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName);
            return $"Fältet ska vara ett av värdena {string.Join(", ", names)}.";
        }
        return t switch
        {
            _ when t == typeof(DateOnly) => "Fältet ska vara ett datum som finns, ÅÅÅÅ-MM-DD.",
            _ when t == typeof(TimeOnly) => "Fältet ska vara en tid, TT:MM.",
            _ when t == typeof(DateTimeOffset) || t == typeof(DateTime) =>
                "Fältet ska vara en tidpunkt, ÅÅÅÅ-MM-DDTTT:MM:SS+01:00.",
            _ when t == typeof(Guid) => "Fältet ska vara ett id (UUID).",
            _ when t == typeof(bool) => "Fältet ska vara true eller false.",
            _ when t == typeof(int) || t == typeof(long) || t == typeof(short) => "Fältet ska vara ett heltal.",
            _ when t == typeof(decimal) || t == typeof(double) || t == typeof(float) => "Fältet ska vara ett tal.",
            _ => "Fältet har fel format.",
        };
    }
}
