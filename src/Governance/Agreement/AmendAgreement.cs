using Governance.Municipalities;

namespace Governance.Agreement;

/// <summary>
/// §9: an amendment of a clause, adopted by the remaining parties (e.g. after a withdrawal): the clause's whole new
/// wording (paragraphs separated by a blank line), a new heading if it changes or the clause is new, and the day it
/// takes effect when that is later than the adoption.
/// </summary>
public record AmendAgreement(
    string Clause,
    string NewWording,
    DateOnly AdoptedOn,
    string DecisionReference,
    IReadOnlyList<string> AdoptedBy,
    string? Heading,
    DateOnly? TakesEffectOn,
    int Version
)
{
    public const string ClauseMessage = "Ange paragrafen med dess nummer, t.ex. §8.";

    public class Validator : AbstractValidator<AmendAgreement>
    {
        /// <summary>
        /// The adoption has happened: not after today. It may take effect later (a new fee from next year), never
        /// before it was adopted: the text as in force on a past date must not change afterwards.
        /// </summary>
        public Validator(TimeProvider clock)
        {
            RuleFor(x => x.Clause)
                .NotEmpty()
                .MaximumLength(50)
                .Must(c => AgreementText.ClauseNumber(c) is >= 1 and <= 99)
                .WithMessage(ClauseMessage);
            RuleFor(x => x.NewWording).NotEmpty().MaximumLength(20_000);
            RuleFor(x => x.AdoptedOn).PlausibleAndHappened(clock);
            RuleFor(x => x.DecisionReference).NotEmpty().MaximumLength(100);
            RuleFor(x => x.AdoptedBy).NotEmpty();
            RuleForEach(x => x.AdoptedBy)
                .Must(MunicipalityRules.IsMunicipalityCode)
                .WithMessage(MunicipalityRules.CodeMessage);
            RuleFor(x => x.Heading).MaximumLength(200);
            RuleFor(x => x.TakesEffectOn)
                .Must(on => on is not { } day || Dates.IsPlausible(day))
                .WithMessage(Dates.PlausibleMessage)
                .Must((c, on) => on is null || on >= c.AdoptedOn)
                .WithMessage("Ändringen kan inte gälla från en dag före antagandet.");
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class AmendAgreementEndpoint
{
    public static Task<AgreementContext> LoadAsync(IDocumentSession session, CancellationToken ct) =>
        AgreementContext.LoadAsync(session, ct);

    public static ProblemDetails Validate(AmendAgreement command, AgreementContext context) =>
        context.Decide(
            command.Version,
            agreement => AgreementRules.CanAmend(agreement, command.AdoptedOn, [.. command.AdoptedBy.Distinct()])
        );

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/agreement/amendments", OperationId = nameof(AmendAgreement))]
    public static AgreementChanged Post(
        AmendAgreement command,
        AgreementContext context,
        ClaimsPrincipal user,
        TimeProvider clock
    ) =>
        context.Append(
            new AgreementAmended(
                CooperationAgreement.TheId,
                $"§{AgreementText.ClauseNumber(command.Clause)}",
                command.NewWording.Trim(),
                command.AdoptedOn,
                command.DecisionReference.Trim(),
                [.. command.AdoptedBy.Distinct().Order(StringComparer.Ordinal)],
                user.ActorName(),
                clock.GetUtcNow(),
                string.IsNullOrWhiteSpace(command.Heading) ? null : command.Heading.Trim(),
                command.TakesEffectOn
            )
        );
}
