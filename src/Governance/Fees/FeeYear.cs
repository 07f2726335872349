using Marten.Events.Projections;

namespace Governance.Fees;

/// <summary>One fee year of the ledger: the invoices issued for it and the payments recorded against them.</summary>
public sealed class FeeYear
{
    /// <summary>The fee year.</summary>
    public int Id { get; set; }

    public InvoiceRun? Invoices { get; set; }
    public List<Payment> Payments { get; set; } = [];

    public decimal PaidBy(string code) => Payments.Where(p => p.MunicipalityCode == code).Sum(p => p.Amount);
}

/// <summary>The fee years, inline with the ledger's acts; a function of the events alone.</summary>
public partial class FeeYearProjection : MultiStreamProjection<FeeYear, int>
{
    public FeeYearProjection()
    {
        Identity<FeeInvoicesIssued>(e => e.Year);
        Identity<FeePaymentRecorded>(e => e.Year);
    }

    public FeeYear Create(FeeInvoicesIssued e) => new() { Id = e.Year, Invoices = Run(e) };

    /// <summary>Payments come after their invoices (the rule); a year is still started by one if it does not.</summary>
    public FeeYear Create(FeePaymentRecorded e) => new() { Id = e.Year, Payments = [Paid(e)] };

    public void Apply(FeeInvoicesIssued e, FeeYear year) => year.Invoices = Run(e);

    public void Apply(FeePaymentRecorded e, FeeYear year) => year.Payments.Add(Paid(e));

    private static InvoiceRun Run(FeeInvoicesIssued e) => new(e.Year, e.Invoices, e.IssuedOn, e.DueOn, e.Issuer);

    private static Payment Paid(FeePaymentRecorded e) => new(e.MunicipalityCode, e.Amount, e.PaidOn, e.RecordedBy);
}
