using System.Runtime.CompilerServices;

namespace Governance.Agreement;

/// <summary>
/// The agreement's document, read at most once per session. Within one request the §10 check, the members on a date
/// and the dissolution all ask for it; a lightweight session has no identity map to answer the second time.
/// Only for reading: a command that changes the agreement fetches its stream for writing.
/// </summary>
public static class AgreementReads
{
    private static readonly ConditionalWeakTable<IQuerySession, Task<CooperationAgreement?>> Loaded = new();

    public static Task<CooperationAgreement?> AgreementAsync(this IQuerySession session, CancellationToken ct) =>
        Loaded.GetValue(session, s => s.LoadAsync<CooperationAgreement>(CooperationAgreement.TheId, ct));
}
