namespace Governance.Municipalities;

public static class MunicipalityNames
{
    /// <summary>Code → name of every registered municipality, for read models that show names beside codes.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> LoadAsync(
        IQuerySession session,
        CancellationToken ct
    ) => Of(await session.MunicipalityRegisterAsync(ct));

    public static IReadOnlyDictionary<string, string> Of(IReadOnlyList<Municipality> register) =>
        register.ToDictionary(m => m.Code, m => m.Name);

    public static string NameOr(this IReadOnlyDictionary<string, string> names, string code) =>
        names.GetValueOrDefault(code) ?? code;
}
