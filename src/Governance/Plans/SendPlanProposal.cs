using Governance.Agreement;
using Governance.Municipalities;

namespace Governance.Plans;

/// <summary>
/// §4: records that the plan and budget proposal was sent to these municipalities (all members when none are named).
/// </summary>
public record SendPlanProposal(IReadOnlyList<string>? MunicipalityCodes, DateOnly SentOn, int Version)
{
    public class Validator : AbstractValidator<SendPlanProposal>
    {
        /// <summary>The proposal has been sent: not after today; in any year before the plan is adopted.</summary>
        public Validator(TimeProvider clock)
        {
            RuleForEach(x => x.MunicipalityCodes)
                .Must(MunicipalityRules.IsMunicipalityCode)
                .WithMessage(MunicipalityRules.CodeMessage);
            RuleFor(x => x.SentOn).PlausibleAndHappened(clock);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }

    public IReadOnlyList<string> Recipients(MembersOnDate members) =>
        MunicipalityCodes is { Count: > 0 } codes ? [.. codes.Distinct()] : members.Codes;
}

public static class SendPlanProposalEndpoint
{
    public static async Task<(PlanStream, MembersOnDate)> LoadAsync(
        int year,
        SendPlanProposal command,
        IDocumentSession session,
        CancellationToken ct
    ) =>
        (
            await PlanStream.FetchAsync(session, year, command.Version, ct),
            await MembersOnDate.LoadAsync(session, command.SentOn, ct)
        );

    public static ProblemDetails Validate(SendPlanProposal command, PlanStream plan, MembersOnDate members) =>
        plan.Decide(p => PlanRules.CanSend(p, command.Recipients(members), members.Codes, command.SentOn));

    [Authorize(Roles = $"{Roles.Secretary},{Roles.Chair}")]
    [WolverinePost("/api/plans/{year}/proposal", OperationId = nameof(SendPlanProposal))]
    public static PlanChanged Post(
        int year,
        SendPlanProposal command,
        PlanStream plan,
        MembersOnDate members,
        ClaimsPrincipal user,
        TimeProvider clock
    ) =>
        plan.Append(
            new PlanProposalSent(
                plan.Stream.Id,
                year,
                plan.Plan!.Revision,
                command.Recipients(members),
                command.SentOn,
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
}
