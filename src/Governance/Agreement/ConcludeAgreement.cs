using Governance.Municipalities;

namespace Governance.Agreement;

/// <summary>
/// Records the concluded agreement: its parties with their signing dates and the day it took force (§2).
/// </summary>
public record ConcludeAgreement(IReadOnlyList<AgreementParty> Parties, DateOnly InForceFrom)
{
    public class Validator : AbstractValidator<ConcludeAgreement>
    {
        /// <summary>
        /// The parties have signed: no signature is dated after today. The agreement may take force later than it is
        /// signed (or earlier: Södertörn's was signed in June 2010 and applies from 1 January 2010).
        /// </summary>
        public Validator(TimeProvider clock)
        {
            RuleFor(x => x.Parties)
                .NotEmpty()
                .Must(p => p.Select(x => x.MunicipalityCode).Distinct().Count() == p.Count)
                .WithMessage("Varje kommun kan bara vara part en gång.");
            RuleForEach(x => x.Parties)
                .ChildRules(party =>
                {
                    party
                        .RuleFor(p => p.MunicipalityCode)
                        .Must(MunicipalityRules.IsMunicipalityCode)
                        .WithMessage(MunicipalityRules.CodeMessage);
                    party.RuleFor(p => p.SignedOn).PlausibleAndHappened(clock);
                });
            RuleFor(x => x.InForceFrom).Must(Dates.IsPlausible).WithMessage(Dates.PlausibleMessage);
        }
    }
}

public static class ConcludeAgreementEndpoint
{
    public static Task<AgreementContext> LoadAsync(IDocumentSession session, CancellationToken ct) =>
        AgreementContext.LoadAsync(session, ct);

    public static ProblemDetails Validate(ConcludeAgreement command, AgreementContext context) =>
        AgreementRules
            .CanConclude(
                context.Agreement,
                [.. command.Parties.Select(p => p.MunicipalityCode)],
                context.Municipalities.Select(m => m.Code).ToHashSet()
            )
            .OrContinue();

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/agreement", OperationId = nameof(ConcludeAgreement))]
    public static AgreementChanged Post(
        ConcludeAgreement command,
        AgreementContext context,
        ClaimsPrincipal user,
        TimeProvider clock
    ) =>
        context.Append(
            new AgreementConcluded(
                CooperationAgreement.TheId,
                command.Parties,
                command.InForceFrom,
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
}
