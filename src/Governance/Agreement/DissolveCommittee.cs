namespace Governance.Agreement;

/// <summary>
/// §10: the committee's decision to dissolve: the committee meeting and agenda item where it was decided (the
/// dissolution is dated by that meeting), and the assets and liabilities to split by population.
/// </summary>
public record DissolveCommittee(
    Guid MeetingId,
    Guid ItemId,
    string DecisionReference,
    decimal Assets,
    decimal Liabilities,
    int Version
)
{
    public class Validator : AbstractValidator<DissolveCommittee>
    {
        public Validator()
        {
            RuleFor(x => x.DecisionReference).NotEmpty().MaximumLength(100);
            RuleFor(x => x.Assets).GreaterThanOrEqualTo(0).PrecisionScale(15, 2, ignoreTrailingZeros: true);
            RuleFor(x => x.Liabilities).GreaterThanOrEqualTo(0).PrecisionScale(15, 2, ignoreTrailingZeros: true);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class DissolveCommitteeEndpoint
{
    public static Task<DissolutionContext> LoadAsync(
        DissolveCommittee command,
        IDocumentSession session,
        CancellationToken ct
    ) => DissolutionContext.LoadAsync(command, session, ct);

    public static ProblemDetails Validate(DissolveCommittee command, DissolutionContext context, TimeProvider clock) =>
        context.Agreement.Decide(
            command.Version,
            agreement =>
            {
                var meeting = context.Meeting;
                if (
                    DissolutionRules.CanDissolve(
                        agreement,
                        meeting,
                        command.ItemId,
                        clock.Today(),
                        context.Later,
                        context.NameOf
                    ) is
                    { } refused
                )
                    return refused;
                var members = context.Agreement.MunicipalitiesIn(agreement.MembersOn(meeting!.Date));
                return DissolutionSplit.Split(members, command.Assets, command.Liabilities, meeting.Date) is null
                    ? DissolutionSplit.NoCommonYear(members)
                    : null;
            }
        );

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/agreement/dissolution", OperationId = nameof(DissolveCommittee))]
    public static AgreementChanged Post(
        DissolveCommittee command,
        DissolutionContext context,
        ClaimsPrincipal user,
        TimeProvider clock
    )
    {
        var on = context.Meeting!.Date;
        var members = context.Agreement.MunicipalitiesIn(context.Agreement.Agreement!.MembersOn(on));
        var (year, shares) = DissolutionSplit.Split(members, command.Assets, command.Liabilities, on)!.Value;
        return context.Agreement.Append(
            new CommitteeDissolved(
                CooperationAgreement.TheId,
                on,
                command.DecisionReference.Trim(),
                command.Assets,
                command.Liabilities,
                year,
                shares,
                user.ActorName(),
                clock.GetUtcNow(),
                command.MeetingId,
                command.ItemId
            )
        );
    }
}
