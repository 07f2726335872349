using System.Text.Json;
using Governance.Agreement;
using Governance.Municipalities;
using Governance.ReferenceData;

namespace Governance.Records.Archive;

/// <summary>
/// The cooperation agreement as in force on a date, for the archive. Pluggable (register another implementation):
/// the default gives its text as in force (§1–§10 with every amendment in effect) and the recorded state (parties,
/// notices, amendments, decision rules, dissolution), both as JSON.
/// </summary>
public interface IAgreementInForce
{
    Task<IReadOnlyList<ArchiveFile>> OnAsync(IQuerySession session, DateOnly date, CancellationToken ct);
}

public sealed class RecordedAgreementInForce : IAgreementInForce
{
    public async Task<IReadOnlyList<ArchiveFile>> OnAsync(IQuerySession session, DateOnly date, CancellationToken ct)
    {
        if (await session.AgreementAsync(ct) is not { } agreement)
            return [];
        var state = AgreementState.Of(agreement, await session.MunicipalityRegisterAsync(ct), date);
        var text = AgreementText.On(
            date,
            agreement,
            AgreementText2010.Title,
            AgreementText2010.Preamble,
            AgreementText2010.Clauses,
            AgreementText2010.Signatures
        );
        return
        [
            new ArchiveFile(
                $"avtal/samarbetsavtal-{date:yyyy-MM-dd}.json",
                "application/json",
                ArchiveJson.Of(JsonSerializer.SerializeToElement(state, ArchiveJson.Options))
            ),
            new ArchiveFile(
                $"avtal/samarbetsavtal-text-{date:yyyy-MM-dd}.json",
                "application/json",
                ArchiveJson.Of(JsonSerializer.SerializeToElement(text, ArchiveJson.Options))
            ),
        ];
    }
}
