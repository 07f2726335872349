using Governance.Municipalities;

namespace Governance.Agreement;

/// <summary>
/// §3: all members agree that matters of a kind (e.g. "remissvar") are decided by another rule than consensus.
/// </summary>
public record AgreeAlternativeDecisionRule(
    string MatterKind,
    DecisionRule Rule,
    DateOnly AgreedOn,
    string DecisionReference,
    IReadOnlyList<string> AgreedBy,
    int Version
)
{
    public class Validator : AbstractValidator<AgreeAlternativeDecisionRule>
    {
        /// <summary>The members have agreed: not after today (and only members of that day: the rule).</summary>
        public Validator(TimeProvider clock)
        {
            RuleFor(x => x.MatterKind).NotEmpty().MaximumLength(100);
            RuleFor(x => x.Rule)
                .IsInEnum()
                .NotEqual(DecisionRule.Consensus)
                .WithMessage("Konsensus gäller redan; ange den andra beslutsordningen.");
            RuleFor(x => x.AgreedOn).PlausibleAndHappened(clock);
            RuleFor(x => x.DecisionReference).NotEmpty().MaximumLength(100);
            RuleFor(x => x.AgreedBy).NotEmpty();
            RuleForEach(x => x.AgreedBy)
                .Must(MunicipalityRules.IsMunicipalityCode)
                .WithMessage(MunicipalityRules.CodeMessage);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class AgreeAlternativeDecisionRuleEndpoint
{
    public static Task<AgreementContext> LoadAsync(IDocumentSession session, CancellationToken ct) =>
        AgreementContext.LoadAsync(session, ct);

    public static ProblemDetails Validate(AgreeAlternativeDecisionRule command, AgreementContext context) =>
        context.Decide(
            command.Version,
            agreement =>
                AgreementRules.CanAgreeAlternativeRule(agreement, command.AgreedOn, [.. command.AgreedBy.Distinct()])
        );

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/agreement/decision-rules", OperationId = nameof(AgreeAlternativeDecisionRule))]
    public static AgreementChanged Post(
        AgreeAlternativeDecisionRule command,
        AgreementContext context,
        ClaimsPrincipal user,
        TimeProvider clock
    ) =>
        context.Append(
            new AlternativeDecisionRuleAgreed(
                CooperationAgreement.TheId,
                command.MatterKind.Trim().ToLowerInvariant(),
                command.Rule,
                command.AgreedOn,
                command.DecisionReference.Trim(),
                [.. command.AgreedBy.Distinct().Order(StringComparer.Ordinal)],
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
}
