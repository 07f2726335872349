using System.Runtime.CompilerServices;
using Marten.Services.BatchQuerying;

namespace Governance.Municipalities;

/// <summary>
/// Code → name of every registered municipality, for what shows names beside codes. Read as codes and names alone, not
/// every municipality's whole document (its people and populations, which grow by the year: about 2 kB each after a
/// decade), and at most once per session: taken from the register when the request has read it whole anyway.
/// </summary>
public static class MunicipalityNames
{
    private static readonly ConditionalWeakTable<IQuerySession, Task<IReadOnlyDictionary<string, string>>> Read = new();

    public static async Task<IReadOnlyDictionary<string, string>> LoadAsync(
        IQuerySession session,
        CancellationToken ct
    ) =>
        session.RegisterReadAlready() is { } register
            ? Of(await register)
            : await Read.GetValue(session, s => NamesAsync(s, ct));

    /// <summary>In a batch of queries: the codes and names, read with the rest and then remembered.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> Load(IBatchedQuery batch)
    {
        var named = batch.Query<Municipality>().Select(m => new CodeAndName { Code = m.Code, Name = m.Name });
        var names = ToNames(await named.ToList());
        Read.AddOrUpdate(batch.Parent, Task.FromResult(names));
        return names;
    }

    public static IReadOnlyDictionary<string, string> Of(IReadOnlyList<Municipality> register) =>
        register.ToDictionary(m => m.Code, m => m.Name);

    public static string NameOr(this IReadOnlyDictionary<string, string> names, string code) =>
        names.GetValueOrDefault(code) ?? code;

    private static async Task<IReadOnlyDictionary<string, string>> NamesAsync(
        IQuerySession session,
        CancellationToken ct
    ) =>
        ToNames(
            await session
                .Query<Municipality>()
                .Select(m => new CodeAndName { Code = m.Code, Name = m.Name })
                .ToListAsync(ct)
        );

    private static IReadOnlyDictionary<string, string> ToNames(IEnumerable<CodeAndName> named) =>
        named.ToDictionary(m => m.Code, m => m.Name);

    private sealed class CodeAndName
    {
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
    }
}
