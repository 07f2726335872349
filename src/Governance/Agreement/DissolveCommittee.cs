namespace Governance.Agreement;

/// <summary>§10: the committee's decision to dissolve, with the assets and liabilities to split by population.</summary>
public record DissolveCommittee(DateOnly DecidedOn, string DecisionReference, decimal Assets, decimal Liabilities, int Version)
{
    public class Validator : AbstractValidator<DissolveCommittee>
    {
        public Validator()
        {
            RuleFor(x => x.DecidedOn).Must(Dates.IsPlausible).WithMessage(Dates.PlausibleMessage);
            RuleFor(x => x.DecisionReference).NotEmpty().MaximumLength(100);
            RuleFor(x => x.Assets).GreaterThanOrEqualTo(0).PrecisionScale(15, 2, ignoreTrailingZeros: true);
            RuleFor(x => x.Liabilities).GreaterThanOrEqualTo(0).PrecisionScale(15, 2, ignoreTrailingZeros: true);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class DissolveCommitteeEndpoint
{
    public static Task<AgreementContext> LoadAsync(IDocumentSession session, CancellationToken ct) => AgreementContext.LoadAsync(session, ct);

    public static ProblemDetails Validate(DissolveCommittee command, AgreementContext context, TimeProvider clock) =>
        context.Decide(command.Version, agreement =>
        {
            if (AgreementRules.CanDissolve(agreement, command.DecidedOn, clock.Today()) is { } refused) return refused;
            var members = context.MunicipalitiesIn(agreement.MembersOn(command.DecidedOn));
            return DissolutionSplit.Split(members, command.Assets, command.Liabilities, command.DecidedOn) is null ? DissolutionSplit.NoCommonYear(members) : null;
        });

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/agreement/dissolution", OperationId = nameof(DissolveCommittee))]
    public static AgreementChanged Post(DissolveCommittee command, AgreementContext context, ClaimsPrincipal user, TimeProvider clock)
    {
        var members = context.MunicipalitiesIn(context.Agreement!.MembersOn(command.DecidedOn));
        var (year, shares) = DissolutionSplit.Split(members, command.Assets, command.Liabilities, command.DecidedOn)!.Value;
        return context.Append(new CommitteeDissolved(CooperationAgreement.TheId, command.DecidedOn, command.DecisionReference.Trim(),
            command.Assets, command.Liabilities, year, shares, user.ActorName(), clock.GetUtcNow()));
    }
}
