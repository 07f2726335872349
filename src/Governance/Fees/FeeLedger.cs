using Governance.Infrastructure.Ids;

namespace Governance.Fees;

public sealed record Invoice(
    string MunicipalityCode,
    string InvoiceNumber,
    decimal Amount,
    int Population,
    int PopulationYear
);

public sealed record Payment(string MunicipalityCode, decimal Amount, DateOnly PaidOn, string RecordedBy);

public sealed record InvoiceRun(
    int Year,
    IReadOnlyList<Invoice> Invoices,
    DateOnly IssuedOn,
    DateOnly DueOn,
    string Issuer
);

public record FeeRuleSet(Guid LedgerId, FeeRule Rule, string SetBy, DateTimeOffset SetAt);

/// <summary>§8: invoiced by Huddinge (the secretariat), due 15 March of the fee year.</summary>
public record FeeInvoicesIssued(
    Guid LedgerId,
    int Year,
    IReadOnlyList<Invoice> Invoices,
    DateOnly IssuedOn,
    DateOnly DueOn,
    string Issuer,
    string IssuedBy,
    DateTimeOffset IssuedAt
);

public record FeePaymentRecorded(
    Guid LedgerId,
    int Year,
    string MunicipalityCode,
    decimal Amount,
    DateOnly PaidOn,
    string RecordedBy,
    DateTimeOffset RecordedAt
);

/// <summary>The fee rules decided over the years, the invoices issued per year and the payments received.</summary>
// "Det finns ingen avgiftsreskontra …": the name with its negative article, by the noun's gender.
[System.ComponentModel.DisplayName("ingen avgiftsreskontra")]
public sealed partial class FeeLedger
{
    public const string Issuer = "Huddinge kommun (kansliet)";
    public static readonly Guid TheId = DeterministicGuid.For("fee-ledger", "committee");

    public Guid Id { get; set; }
    public int Version { get; set; }
    public List<FeeRule> Rules { get; set; } = [];
    public List<InvoiceRun> InvoiceRuns { get; set; } = [];
    public Dictionary<int, List<Payment>> Payments { get; set; } = [];

    public static FeeLedger Create(FeeRuleSet e) => new FeeLedger { Id = e.LedgerId }.With(e);

    public void Apply(FeeRuleSet e) => With(e);

    public void Apply(FeeInvoicesIssued e) =>
        InvoiceRuns.Add(new InvoiceRun(e.Year, e.Invoices, e.IssuedOn, e.DueOn, e.Issuer));

    public void Apply(FeePaymentRecorded e)
    {
        if (!Payments.TryGetValue(e.Year, out var list))
            Payments[e.Year] = list = [];
        list.Add(new Payment(e.MunicipalityCode, e.Amount, e.PaidOn, e.RecordedBy));
    }

    public InvoiceRun? InvoicesOf(int year) => InvoiceRuns.FirstOrDefault(r => r.Year == year);

    public decimal PaidBy(int year, string code) =>
        Payments.GetValueOrDefault(year)?.Where(p => p.MunicipalityCode == code).Sum(p => p.Amount) ?? 0m;

    public static DateOnly DueDate(int year) => new(year, 3, 15);

    private FeeLedger With(FeeRuleSet e)
    {
        Rules.Add(e.Rule);
        return this;
    }
}
