using Governance.Municipalities;

namespace Governance.Agreement;

/// <summary>§9: an amendment of a clause, adopted by the remaining parties (e.g. after a withdrawal).</summary>
public record AmendAgreement(
    string Clause, string NewWording, DateOnly AdoptedOn, string DecisionReference, IReadOnlyList<string> AdoptedBy, int Version)
{
    public class Validator : AbstractValidator<AmendAgreement>
    {
        public Validator()
        {
            RuleFor(x => x.Clause).NotEmpty().MaximumLength(50);
            RuleFor(x => x.NewWording).NotEmpty().MaximumLength(20_000);
            RuleFor(x => x.AdoptedOn).Must(Dates.IsPlausible).WithMessage(Dates.PlausibleMessage);
            RuleFor(x => x.DecisionReference).NotEmpty().MaximumLength(100);
            RuleFor(x => x.AdoptedBy).NotEmpty();
            RuleForEach(x => x.AdoptedBy).Must(MunicipalityRules.IsMunicipalityCode).WithMessage(MunicipalityRules.CodeMessage);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class AmendAgreementEndpoint
{
    public static Task<AgreementContext> LoadAsync(IDocumentSession session, CancellationToken ct) => AgreementContext.LoadAsync(session, ct);

    public static ProblemDetails Validate(AmendAgreement command, AgreementContext context) =>
        context.Decide(command.Version, agreement => AgreementRules.CanAmend(agreement, command.AdoptedOn, [.. command.AdoptedBy.Distinct()]));

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/agreement/amendments", OperationId = nameof(AmendAgreement))]
    public static AgreementChanged Post(AmendAgreement command, AgreementContext context, ClaimsPrincipal user, TimeProvider clock) =>
        context.Append(new AgreementAmended(CooperationAgreement.TheId, command.Clause.Trim(), command.NewWording, command.AdoptedOn,
            command.DecisionReference.Trim(), [.. command.AdoptedBy.Distinct().Order(StringComparer.Ordinal)], user.ActorName(), clock.GetUtcNow()));
}
