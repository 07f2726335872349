using Governance.Meetings;

namespace Governance.Plans;

/// <summary>
/// After adoption the plan changes only by an amendment: the new content, what changed, and the committee's decision.
/// </summary>
public record AmendPlan(PlanContent Content, string What, Guid MeetingId, Guid ItemId, int Version)
{
    public class Validator : AbstractValidator<AmendPlan>
    {
        public Validator()
        {
            RuleFor(x => x.Content).NotNull().SetValidator(new PlanContent.Validator());
            RuleFor(x => x.What).NotEmpty().MaximumLength(2000);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class AmendPlanEndpoint
{
    public static async Task<(PlanStream, PlanDecisionContext)> LoadAsync(
        int year,
        AmendPlan command,
        IDocumentSession session,
        CancellationToken ct
    ) =>
        (
            await PlanStream.FetchAsync(session, year, command.Version, ct),
            new PlanDecisionContext(await session.LoadAsync<Meeting>(command.MeetingId, ct), null)
        );

    public static ProblemDetails Validate(AmendPlan command, PlanStream plan, PlanDecisionContext decision) =>
        plan.Decide(p => PlanRules.CanAmend(p, decision.Meeting, command.ItemId));

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/plans/{year}/amendments", OperationId = nameof(AmendPlan))]
    public static PlanChanged Post(
        int year,
        AmendPlan command,
        PlanStream plan,
        PlanDecisionContext decision,
        ClaimsPrincipal user,
        TimeProvider clock
    ) =>
        plan.Append(
            new PlanAmended(
                plan.Stream.Id,
                year,
                command.Content.WithActivityIds(),
                command.What.Trim(),
                command.MeetingId,
                command.ItemId,
                decision.Meeting!.Item(command.ItemId)!.Outcome!.Text,
                decision.Meeting.Date,
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
}
