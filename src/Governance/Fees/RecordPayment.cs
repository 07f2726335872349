using Governance.Municipalities;

namespace Governance.Fees;

public record RecordPayment(string MunicipalityCode, decimal Amount, DateOnly PaidOn, int Version)
{
    public class Validator : AbstractValidator<RecordPayment>
    {
        /// <summary>A payment has been made: not after today (and not before the invoices: the rule).</summary>
        public Validator(TimeProvider clock)
        {
            RuleFor(x => x.MunicipalityCode)
                .Must(MunicipalityRules.IsMunicipalityCode)
                .WithMessage(MunicipalityRules.CodeMessage);
            RuleFor(x => x.Amount).GreaterThan(0).PrecisionScale(15, 2, true);
            RuleFor(x => x.PaidOn).PlausibleAndHappened(clock);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class RecordPaymentEndpoint
{
    public static async Task<(FeeContext, FeeLedgerStream)> LoadAsync(
        int year,
        RecordPayment command,
        IDocumentSession session,
        CancellationToken ct
    ) =>
        (
            await FeeContext.LoadAsync(session, [year], ct),
            await FeeLedgerStream.FetchAsync(session, command.Version, ct)
        );

    public static ProblemDetails Validate(int year, RecordPayment command, FeeContext context) =>
        FeeRules.CanRecordPayment(context, year, command.MunicipalityCode, command.Amount, command.PaidOn).OrContinue();

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/fees/{year}/payments", OperationId = nameof(RecordPayment))]
    public static FeeLedgerChanged Post(
        int year,
        RecordPayment command,
        FeeLedgerStream ledger,
        ClaimsPrincipal user,
        TimeProvider clock
    ) =>
        ledger.Append(
            new FeePaymentRecorded(
                FeeLedger.TheId,
                year,
                command.MunicipalityCode,
                command.Amount,
                command.PaidOn,
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
}
