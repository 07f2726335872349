using Governance.Municipalities;
using Governance.Offices;

namespace Governance.Agreement;

/// <summary>
/// §2: a party terminates the agreement: its council's decision (date and reference, e.g. "KF 2021-05-17 §84")
/// and the day the notice reached the chair. The notice period and the duty to inform the other parties follow.
/// </summary>
public record RegisterTerminationNotice(
    string MunicipalityCode,
    DateOnly CouncilDecisionOn,
    string CouncilDecisionReference,
    DateOnly ReceivedOn,
    int Version
)
{
    public const string CouncilDecisionNeeded =
        "Uppsägningen ska vara beslutad av kommunfullmäktige: ange beslutets paragraf, t.ex. KF 2021-05-17 §84 (§2).";

    public class Validator : AbstractValidator<RegisterTerminationNotice>
    {
        /// <summary>The council's decision and the chair's receipt have happened: neither dated after today.</summary>
        public Validator(TimeProvider clock)
        {
            RuleFor(x => x.MunicipalityCode)
                .Must(MunicipalityRules.IsMunicipalityCode)
                .WithMessage(MunicipalityRules.CodeMessage);
            RuleFor(x => x.CouncilDecisionOn).PlausibleAndHappened(clock);
            RuleFor(x => x.CouncilDecisionReference)
                .NotEmpty()
                .WithMessage(CouncilDecisionNeeded)
                .MaximumLength(100)
                .WithMessage(CouncilDecisionNeeded);
            RuleFor(x => x.ReceivedOn).PlausibleAndHappened(clock);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class RegisterTerminationNoticeEndpoint
{
    public static Task<AgreementContext> LoadAsync(IDocumentSession session, CancellationToken ct) =>
        AgreementContext.LoadAsync(session, ct);

    public static ProblemDetails Validate(RegisterTerminationNotice command, AgreementContext context) =>
        context.Decide(
            command.Version,
            agreement =>
                AgreementRules.CanRegisterNotice(
                    agreement,
                    command.MunicipalityCode,
                    command.CouncilDecisionOn,
                    command.ReceivedOn
                )
        );

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/agreement/termination-notices", OperationId = nameof(RegisterTerminationNotice))]
    public static async Task<AgreementChanged> Post(
        RegisterTerminationNotice command,
        AgreementContext context,
        IDocumentSession session,
        ClaimsPrincipal user,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var received = command.ReceivedOn;
        var period = NoticePeriod.For(received);
        // The notice is delivered to the chair in office on the day of receipt, who must inform every other party.
        var offices = await session.LoadAsync<OfficeYear>(OfficeYear.IdFor(received.Year), ct);
        var chair = offices?.HolderOn(Office.CommitteeChair, received)?.PersonName;
        var others = context.Agreement!.MembersOn(received).Where(code => code != command.MunicipalityCode).ToList();

        return context.Append(
            new TerminationNoticeRegistered(
                CooperationAgreement.TheId,
                command.MunicipalityCode,
                command.CouncilDecisionOn,
                command.CouncilDecisionReference.Trim(),
                received,
                chair,
                period.StartsOn,
                period.LastDayOfMembership,
                period.WithdrawalDate,
                others,
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
    }
}
