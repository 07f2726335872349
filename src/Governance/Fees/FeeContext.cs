using Marten.Services.BatchQuerying;
using Governance.Agreement;
using Governance.Infrastructure.Aggregates;
using Governance.Municipalities;
using JasperFx.Events;

namespace Governance.Fees;

/// <summary>
/// What fee commands and the schedule are computed from: the ledger's rules, the fee years concerned, the register and
/// the agreement.
/// </summary>
public sealed record FeeContext(
    FeeLedger? Ledger,
    IReadOnlyList<FeeYear> Years,
    IReadOnlyList<Municipality> Register,
    CooperationAgreement? Agreement
)
{
    /// <summary>The ledger and the fee years asked for, with the register and the agreement.</summary>
    public static async Task<FeeContext> LoadAsync(
        IQuerySession session,
        IReadOnlyList<int> years,
        CancellationToken ct
    )
    {
        var batch = session.CreateBatchQuery();
        var reads = FeeReads.In(batch, years);
        await batch.Execute(ct);
        return new(
            await reads.Ledger,
            await reads.Years,
            await session.MunicipalityRegisterAsync(ct),
            await session.AgreementAsync(ct)
        );
    }

    /// <summary>The invoices issued for a year, if they are.</summary>
    public InvoiceRun? InvoicesOf(int year) => Years.FirstOrDefault(y => y.Id == year)?.Invoices;

    /// <summary>What a party has paid against its invoice for a year.</summary>
    public decimal PaidBy(int year, string code) => Years.FirstOrDefault(y => y.Id == year)?.PaidBy(code) ?? 0m;

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

/// <summary>The ledger's rules and the fee years asked for, queued in a batch of queries.</summary>
public sealed record FeeReads(Task<FeeLedger?> Ledger, Task<IReadOnlyList<FeeYear>> Years)
{
    public static FeeReads In(IBatchedQuery batch, IReadOnlyList<int> years) =>
        new(batch.Load<FeeLedger>(FeeLedger.TheId), batch.LoadMany<FeeYear>().ById([.. years]));
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
