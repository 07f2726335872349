using Marten.Services.BatchQuerying;

namespace Governance.Municipalities;

public static class MunicipalityNames
{
    /// <summary>Code → name of every registered municipality, for read models that show names beside codes.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> LoadAsync(
        IQuerySession session,
        CancellationToken ct
    ) => Of(await session.MunicipalityRegisterAsync(ct));

    /// <summary>
    /// In a batch of queries, for a screen that needs nothing else of the register: the codes and names alone, not
    /// every municipality's whole document (its people and populations over the years, about 2 kB each).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> Load(IBatchedQuery batch)
    {
        var named = await batch
            .Query<Municipality>()
            .Select(m => new CodeAndName { Code = m.Code, Name = m.Name })
            .ToList();
        return named.ToDictionary(m => m.Code, m => m.Name);
    }

    public static IReadOnlyDictionary<string, string> Of(IReadOnlyList<Municipality> register) =>
        register.ToDictionary(m => m.Code, m => m.Name);

    public static string NameOr(this IReadOnlyDictionary<string, string> names, string code) =>
        names.GetValueOrDefault(code) ?? code;

    private sealed class CodeAndName
    {
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
    }
}
