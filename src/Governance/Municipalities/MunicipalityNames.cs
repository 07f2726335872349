namespace Governance.Municipalities;

public static class MunicipalityNames
{
    /// <summary>Code → name of every registered municipality, for read models that show names beside codes.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> LoadAsync(
        IQuerySession session,
        CancellationToken ct
    ) => (await session.MunicipalityRegisterAsync(ct)).ToDictionary(m => m.Code, m => m.Name);

    public static string NameOr(this IReadOnlyDictionary<string, string> names, string code) =>
        names.GetValueOrDefault(code) ?? code;
}
