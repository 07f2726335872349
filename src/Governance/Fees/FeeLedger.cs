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

/// <summary>
/// The fee rules decided over the years: the ledger's stream holds every act of the fees (rules, invoices, payments)
/// and its version counts them all, but its document keeps the rules alone. Each year's invoices and payments are a
/// document of their own (<see cref="FeeYear"/>), so no read or command carries the years before it along.
/// </summary>
// "Det finns ingen avgiftsreskontra …": the name with its negative article, by the noun's gender.
[System.ComponentModel.DisplayName("ingen avgiftsreskontra")]
[Hosting.Projections.ReadModelShape(2, "the years' invoices and payments moved to FeeYear")]
public sealed partial class FeeLedger
{
    public const string Issuer = "Huddinge kommun (kansliet)";
    public static readonly Guid TheId = DeterministicGuid.For("fee-ledger", "committee");

    public Guid Id { get; set; }
    public int Version { get; set; }
    public List<FeeRule> Rules { get; set; } = [];

    public static FeeLedger Create(FeeRuleSet e) => new FeeLedger { Id = e.LedgerId }.With(e);

    public void Apply(FeeRuleSet e) => With(e);

    // The year's acts change nothing here but the version (which Marten advances only for the events applied): the
    // version a fee command expects counts every act of the ledger; what each records is its year's (FeeYear).
    public void Apply(FeeInvoicesIssued _) { }

    public void Apply(FeePaymentRecorded _) { }

    public static DateOnly DueDate(int year) => new(year, 3, 15);

    private FeeLedger With(FeeRuleSet e)
    {
        Rules.Add(e.Rule);
        return this;
    }
}
