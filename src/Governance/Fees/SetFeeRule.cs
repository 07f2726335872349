namespace Governance.Fees;

/// <summary>§8: the fee rule decided by the committee, in force for fee years from <c>fromYear</c>.</summary>
public record SetFeeRule(
    FeeRuleKind Kind,
    int FromYear,
    decimal? Total,
    decimal? PerInhabitant,
    DateOnly DecidedOn,
    string DecisionReference,
    int Version
)
{
    public class Validator : AbstractValidator<SetFeeRule>
    {
        /// <summary>
        /// The committee has decided the rule: not after today. It may apply from a later fee year (decided ahead for
        /// next year) or an earlier one: an invoiced year keeps its invoices whatever rule follows.
        /// </summary>
        public Validator(TimeProvider clock)
        {
            RuleFor(x => x.Kind).IsInEnum();
            RuleFor(x => x.FromYear).InclusiveBetween(Dates.FirstYear, Dates.LastYear);
            RuleFor(x => x.Total)
                .NotNull()
                .GreaterThan(0)
                .PrecisionScale(15, 0, true)
                .When(x => x.Kind == FeeRuleKind.IndexedTotal)
                .WithMessage("Den indexerade regeln anger en totalsumma i hela kronor.");
            RuleFor(x => x.PerInhabitant)
                .NotNull()
                .GreaterThan(0)
                .PrecisionScale(9, 2, true)
                .When(x => x.Kind == FeeRuleKind.PerCapita)
                .WithMessage("Regeln per invånare anger ett belopp per invånare.");
            RuleFor(x => x.DecidedOn).PlausibleAndHappened(clock);
            RuleFor(x => x.DecisionReference).NotEmpty().MaximumLength(200);
            RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        }
    }
}

public static class SetFeeRuleEndpoint
{
    public static Task<FeeLedgerStream> LoadAsync(SetFeeRule command, IDocumentSession session, CancellationToken ct) =>
        FeeLedgerStream.FetchAsync(session, command.Version, ct);

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/fees/rules", OperationId = nameof(SetFeeRule))]
    public static FeeLedgerChanged Post(
        SetFeeRule command,
        FeeLedgerStream ledger,
        ClaimsPrincipal user,
        TimeProvider clock
    ) =>
        ledger.Append(
            new FeeRuleSet(
                FeeLedger.TheId,
                new FeeRule(
                    command.Kind,
                    command.FromYear,
                    command.Kind == FeeRuleKind.IndexedTotal ? command.Total : null,
                    command.Kind == FeeRuleKind.PerCapita ? command.PerInhabitant : null,
                    command.DecidedOn,
                    command.DecisionReference.Trim()
                ),
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
}
