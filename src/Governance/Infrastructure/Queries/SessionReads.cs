using System.Runtime.CompilerServices;
using Governance.Agreement;
using Governance.Municipalities;
using Marten.Services.BatchQuerying;

namespace Governance.Infrastructure.Queries;

/// <summary>
/// What nearly every request reads in several places, read at most once per session: the agreement (the §10 check,
/// the members on a date, the dissolution, the fees) and the municipality register (populations, the agreement's
/// parties; names alone are read by themselves, see MunicipalityNames). A lightweight session has no identity map to
/// answer the second time, and each read is a round trip to the database. Only for reading, in a session of one
/// request or message: a command that changes either fetches its stream for writing, and what is returned is shared,
/// so nobody changes the list or the documents in it.
/// </summary>
public static class SessionReads
{
    private static readonly ConditionalWeakTable<IQuerySession, Task<CooperationAgreement?>> Agreements = new();
    private static readonly ConditionalWeakTable<IQuerySession, Task<IReadOnlyList<Municipality>>> Registers = new();

    public static Task<CooperationAgreement?> AgreementAsync(this IQuerySession session, CancellationToken ct) =>
        Agreements.GetValue(session, s => s.LoadAsync<CooperationAgreement>(CooperationAgreement.TheId, ct));

    /// <summary>
    /// In a batch of queries: the agreement, read with the rest of the batch and then remembered for the session.
    /// </summary>
    public static async Task<CooperationAgreement?> Agreement(this IBatchedQuery batch)
    {
        var agreement = await batch.Load<CooperationAgreement>(CooperationAgreement.TheId);
        Agreements.AddOrUpdate(batch.Parent, Task.FromResult(agreement));
        return agreement;
    }

    /// <summary>In a batch of queries: the register, read with the rest of the batch and then remembered.</summary>
    public static async Task<IReadOnlyList<Municipality>> MunicipalityRegister(this IBatchedQuery batch)
    {
        var register = await batch.Query<Municipality>().ToList();
        Registers.AddOrUpdate(batch.Parent, Task.FromResult(register));
        return register;
    }

    /// <summary>
    /// In a batch of queries: both, for the parts of a screen that read them through the session afterwards. Await it
    /// after the batch has run: a batch completes its results asynchronously, and one that failed never completes them.
    /// </summary>
    public static Task SharedReads(this IBatchedQuery batch) =>
        Task.WhenAll(batch.Agreement(), batch.MunicipalityRegister());

    /// <summary>The register, when this session has read it already (names are then taken from it).</summary>
    public static Task<IReadOnlyList<Municipality>>? RegisterReadAlready(this IQuerySession session) =>
        Registers.TryGetValue(session, out var register) ? register : null;

    /// <summary>Every registered municipality, in no particular order.</summary>
    public static Task<IReadOnlyList<Municipality>> MunicipalityRegisterAsync(
        this IQuerySession session,
        CancellationToken ct
    ) => Registers.GetValue(session, s => s.Query<Municipality>().ToListAsync(ct));
}
