using Governance.Municipalities;

namespace Governance.Agreement;

/// <summary>
/// §2: records that the chair has informed one of the other parties of a municipality's termination notice.
/// </summary>
public record RecordPartyInformed(string InformedMunicipalityCode, DateOnly InformedOn, int Version)
{
    public class Validator : AbstractValidator<RecordPartyInformed>
    {
        /// <summary>The chair has informed the party: not after today (nor before the notice: the rule).</summary>
        public Validator(TimeProvider clock)
        {
            RuleFor(x => x.InformedMunicipalityCode)
                .Must(MunicipalityRules.IsMunicipalityCode)
                .WithMessage(MunicipalityRules.CodeMessage);
            RuleFor(x => x.InformedOn).PlausibleAndHappened(clock);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class RecordPartyInformedEndpoint
{
    public static Task<AgreementContext> LoadAsync(IDocumentSession session, CancellationToken ct) =>
        AgreementContext.LoadAsync(session, ct);

    public static ProblemDetails Validate(
        string municipalityCode,
        RecordPartyInformed command,
        AgreementContext context
    ) =>
        context.Decide(
            command.Version,
            agreement =>
                AgreementRules.CanRecordInformed(
                    agreement,
                    municipalityCode,
                    command.InformedMunicipalityCode,
                    command.InformedOn
                )
        );

    [Authorize(Roles = $"{Roles.Secretary},{Roles.Chair}")]
    [WolverinePost(
        "/api/agreement/termination-notices/{municipalityCode}/informed",
        OperationId = nameof(RecordPartyInformed)
    )]
    public static AgreementChanged Post(
        string municipalityCode,
        RecordPartyInformed command,
        AgreementContext context,
        ClaimsPrincipal user,
        TimeProvider clock
    ) =>
        context.Append(
            new PartyInformedOfTermination(
                CooperationAgreement.TheId,
                municipalityCode,
                command.InformedMunicipalityCode,
                command.InformedOn,
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
}
