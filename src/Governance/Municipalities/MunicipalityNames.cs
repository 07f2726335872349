namespace Governance.Municipalities;

public static class MunicipalityNames
{
    public sealed record CodeAndName(string Code, string Name);

    /// <summary>Code → name of every registered municipality, for read models that show names beside codes.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> LoadAsync(
        IQuerySession session,
        CancellationToken ct
    ) =>
        (await session.Query<Municipality>().Select(m => new CodeAndName(m.Code, m.Name)).ToListAsync(ct)).ToDictionary(
            m => m.Code,
            m => m.Name
        );

    public static string NameOr(this IReadOnlyDictionary<string, string> names, string code) =>
        names.GetValueOrDefault(code) ?? code;
}
