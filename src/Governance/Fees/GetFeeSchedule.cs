namespace Governance.Fees;

public sealed record FeeScheduleLine(
    string Code,
    string Name,
    int Population,
    int PopulationYear,
    decimal Fee,
    string? InvoiceNumber,
    decimal Paid,
    decimal Outstanding,
    bool Overdue
);

public sealed record FeeScheduleView(
    int Year,
    FeeRule? Rule,
    decimal Total,
    DateOnly DueOn,
    bool Invoiced,
    DateOnly? InvoicedOn,
    string Issuer,
    IReadOnlyList<FeeScheduleLine> Lines,
    IReadOnlyList<string> Missing,
    int Version
);

public static class GetFeeScheduleEndpoint
{
    public static ProblemDetails Validate(int year) => Dates.YearWithinBounds(year, "Avgiftsåret");

    /// <summary>
    /// §8: the fee schedule of a year: each member's population at the previous year end, its fee, the total (the parts
    /// add up exactly), and once invoiced what was invoiced, paid and is overdue after 15 March.
    /// </summary>
    [WolverineGet("/api/fees/{year}", OperationId = "GetFeeSchedule")]
    public static async Task<FeeScheduleView> Get(
        int year,
        IQuerySession session,
        TimeProvider clock,
        CancellationToken ct
    ) => Of(year, await FeeContext.LoadAsync(session, [year], ct), clock);

    /// <summary>The schedule of a year from what is loaded already (a page of several years loads it once).</summary>
    public static FeeScheduleView Of(int year, FeeContext context, TimeProvider clock)
    {
        var run = context.InvoicesOf(year);
        var due = run?.DueOn ?? FeeLedger.DueDate(year);
        var calculation = context.Calculate(year);
        // Once invoiced, the invoices are the record; before that, the schedule as computed now.
        var lines = run is not null
            ? run.Invoices.Select(i =>
                Line(
                    context,
                    year,
                    i.MunicipalityCode,
                    i.Population,
                    i.PopulationYear,
                    i.Amount,
                    i.InvoiceNumber,
                    due,
                    clock
                )
            )
            : calculation.Lines.Select(l =>
                Line(context, year, l.Code, l.Population, l.PopulationYear, l.Fee, null, due, clock)
            );
        var list = lines.ToList();
        return new FeeScheduleView(
            year,
            calculation.Rule,
            list.Sum(l => l.Fee),
            due,
            run is not null,
            run?.IssuedOn,
            FeeLedger.Issuer,
            list,
            run is null ? calculation.Missing : [],
            context.Ledger?.Version ?? 0
        );
    }

    private static FeeScheduleLine Line(
        FeeContext context,
        int year,
        string code,
        int population,
        int populationYear,
        decimal fee,
        string? invoiceNumber,
        DateOnly due,
        TimeProvider clock
    )
    {
        var paid = context.PaidBy(year, code);
        var outstanding = invoiceNumber is null ? 0m : fee - paid;
        return new FeeScheduleLine(
            code,
            context.NameOf(code),
            population,
            populationYear,
            fee,
            invoiceNumber,
            paid,
            outstanding,
            outstanding > 0 && clock.Today() > due
        );
    }
}
