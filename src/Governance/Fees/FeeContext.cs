using Governance.Agreement;
using Governance.Infrastructure.Aggregates;
using Governance.Municipalities;
using JasperFx.Events;

namespace Governance.Fees;

/// <summary>What fee commands and the schedule are computed from: the ledger, the register and the agreement.</summary>
public sealed record FeeContext(
    FeeLedger? Ledger,
    IReadOnlyList<Municipality> Register,
    CooperationAgreement? Agreement
)
{
    public static async Task<FeeContext> LoadAsync(IQuerySession session, CancellationToken ct) =>
        new(
            await session.LoadAsync<FeeLedger>(FeeLedger.TheId, ct),
            await session.MunicipalityRegisterAsync(ct),
            await session.AgreementAsync(ct)
        );

    /// <summary>
    /// A party pays for the years it is a member on 1 January of (before the agreement is recorded: every registered
    /// municipality).
    /// </summary>
    public IReadOnlyList<string> MembersOfYear(int year) =>
        Agreement is null ? [.. Register.Select(m => m.Code)] : Agreement.MembersOn(new DateOnly(year, 1, 1));

    public FeeCalculation Calculate(int year) =>
        FeeSchedule.For(
            year,
            Ledger?.Rules ?? [],
            MembersOfYear,
            (code, yearEnd) => Register.FirstOrDefault(m => m.Code == code)?.PopulationAtYearEnd(yearEnd)?.Population
        );

    public string NameOf(string code) => Register.FirstOrDefault(m => m.Code == code)?.Name ?? code;
}

public sealed record FeeLedgerStream(IEventStream<FeeLedger> Stream)
{
    public static async Task<FeeLedgerStream> FetchAsync(
        IDocumentSession session,
        int expectedVersion,
        CancellationToken ct
    ) => new(await session.Events.FetchForWriting<FeeLedger>(FeeLedger.TheId, expectedVersion, ct));

    public FeeLedgerChanged Append(object @event) => new(FeeLedger.TheId, Stream.AppendAndVersion(@event));
}

public sealed record FeeLedgerChanged(Guid Id, int Version);
