using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using Governance.Infrastructure.Problems;
using Governance.Infrastructure.Security;
using Governance.Infrastructure.Time;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Governance.Fees;

/// <summary>§8: the secretariat (Huddinge) invoices each party its fee for the year, due 15 March.</summary>
public record IssueInvoices(int Year, int Version)
{
    public class Validator : AbstractValidator<IssueInvoices>
    {
        public Validator()
        {
            RuleFor(x => x.Year).InclusiveBetween(Dates.FirstYear, Dates.LastYear);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class IssueInvoicesEndpoint
{
    public static async Task<(FeeContext, FeeLedgerStream)> LoadAsync(IssueInvoices command, IDocumentSession session, CancellationToken ct) =>
        (await FeeContext.LoadAsync(session, ct), await FeeLedgerStream.FetchAsync(session, command.Version, ct));

    public static ProblemDetails Validate(IssueInvoices command, FeeContext context) => FeeRules.CanInvoice(context, command.Year).OrContinue();

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/fees/{year}/invoices", OperationId = nameof(IssueInvoices))]
    public static FeeLedgerChanged Post(IssueInvoices command, FeeContext context, FeeLedgerStream ledger, ClaimsPrincipal user, TimeProvider clock)
    {
        var lines = context.Calculate(command.Year).Lines;
        var invoices = lines.Select((l, i) => new Invoice(l.Code,
            string.Create(CultureInfo.InvariantCulture, $"SSK-{command.Year}-{i + 1:000}"), l.Fee, l.Population, l.PopulationYear)).ToList();
        return ledger.Append(new FeeInvoicesIssued(FeeLedger.TheId, command.Year, invoices, clock.Today(), FeeLedger.DueDate(command.Year),
            FeeLedger.Issuer, user.ActorName(), clock.GetUtcNow()));
    }
}
