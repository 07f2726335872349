namespace Governance.Fees;

public static class FeeRules
{
    public const string Fee = "§8 avgift";

    public static RuleViolation? CanInvoice(FeeContext context, int year)
    {
        if (context.InvoicesOf(year) is { } issued)
            return new(Fee, $"Avgifterna för {year} fakturerades redan {issued.IssuedOn:yyyy-MM-dd}.");
        var calculation = context.Calculate(year);
        if (!calculation.IsComplete)
            return new(Fee, $"Avgifterna för {year} kan inte beräknas: {string.Join(" ", calculation.Missing)}");
        return calculation.Lines.Count == 0
            ? new(Fee, $"Det finns inga avtalsparter som betalar avgift för {year}.")
            : null;
    }

    /// <summary>
    /// Payments are recorded against issued invoices, so none is dated before they were issued; overpaying is refused,
    /// and §9: nothing is paid back.
    /// </summary>
    public static RuleViolation? CanRecordPayment(
        FeeContext context,
        int year,
        string code,
        decimal amount,
        DateOnly paidOn
    )
    {
        if (context.InvoicesOf(year) is not { } run)
            return new(Fee, $"Avgifterna för {year} är inte fakturerade.");
        if (paidOn < run.IssuedOn)
            return new(
                Fee,
                $"Avgifterna för {year} fakturerades {Dates.Iso(run.IssuedOn)}; en betalning kan inte "
                    + $"vara gjord dessförinnan ({Dates.Iso(paidOn)})."
            );
        if (run.Invoices.FirstOrDefault(i => i.MunicipalityCode == code) is not { } invoice)
            return new(Fee, $"{context.NameOf(code)} har ingen faktura för {year}.");
        var outstanding = invoice.Amount - context.PaidBy(year, code);
        return amount > outstanding
            ? new(Fee, $"Betalningen {amount:0.00} kr överstiger det obetalda beloppet {outstanding:0.00} kr.")
            : null;
    }
}
