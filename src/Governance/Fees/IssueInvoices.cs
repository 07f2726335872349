using System.Globalization;

namespace Governance.Fees;

/// <summary>§8: the secretariat (Huddinge) invoices each party its fee for the year, due 15 March.</summary>
public record IssueInvoices(int Version)
{
    public class Validator : AbstractValidator<IssueInvoices>
    {
        public Validator() => RuleFor(x => x.Version).GreaterThan(0);
    }
}

public static class IssueInvoicesEndpoint
{
    public static async Task<(FeeContext, FeeLedgerStream)> LoadAsync(
        int year,
        IssueInvoices command,
        IDocumentSession session,
        CancellationToken ct
    ) =>
        (
            await FeeContext.LoadAsync(session, [year], ct),
            await FeeLedgerStream.FetchAsync(session, command.Version, ct)
        );

    public static ProblemDetails Validate(int year, FeeContext context) =>
        Dates.IsPlausible(year) ? FeeRules.CanInvoice(context, year).OrContinue() : Dates.YearOutOfRange("Avgiftsåret");

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/fees/{year}/invoices", OperationId = nameof(IssueInvoices))]
    public static FeeLedgerChanged Post(
        int year,
        IssueInvoices command,
        FeeContext context,
        FeeLedgerStream ledger,
        ClaimsPrincipal user,
        TimeProvider clock
    )
    {
        var lines = context.Calculate(year).Lines;
        var invoices = lines
            .Select(
                (l, i) =>
                    new Invoice(
                        l.Code,
                        string.Create(CultureInfo.InvariantCulture, $"SSK-{year}-{i + 1:000}"),
                        l.Fee,
                        l.Population,
                        l.PopulationYear
                    )
            )
            .ToList();
        return ledger.Append(
            new FeeInvoicesIssued(
                FeeLedger.TheId,
                year,
                invoices,
                clock.Today(),
                FeeLedger.DueDate(year),
                FeeLedger.Issuer,
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
    }
}
