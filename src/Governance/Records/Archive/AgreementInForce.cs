using System.Text.Json;
using Governance.Agreement;
using Governance.Municipalities;

namespace Governance.Records.Archive;

/// <summary>
/// The cooperation agreement as in force on a date, for the archive. Pluggable: the default gives the recorded state
/// (parties, notices, amendments, decision rules, dissolution) as JSON; a source of the consolidated text replaces it
/// by registering another implementation.
/// </summary>
public interface IAgreementInForce
{
    Task<IReadOnlyList<ArchiveFile>> OnAsync(IQuerySession session, DateOnly date, CancellationToken ct);
}

public sealed class RecordedAgreementInForce : IAgreementInForce
{
    public async Task<IReadOnlyList<ArchiveFile>> OnAsync(IQuerySession session, DateOnly date, CancellationToken ct)
    {
        if (await session.LoadAsync<CooperationAgreement>(CooperationAgreement.TheId, ct) is not { } agreement) return [];
        var state = AgreementState.Of(agreement, await session.Query<Municipality>().ToListAsync(ct), date);
        return [new ArchiveFile($"avtal/samarbetsavtal-{date:yyyy-MM-dd}.json", "application/json",
            ArchiveJson.Of(JsonSerializer.SerializeToElement(state, ArchiveJson.Options)))];
    }
}
