namespace Governance.Plans;

/// <summary>Drafts the activity plan, action plan and budget of a year.</summary>
public record DraftPlan(int Year, PlanContent Content)
{
    public class Validator : AbstractValidator<DraftPlan>
    {
        public Validator()
        {
            RuleFor(x => x.Year).InclusiveBetween(Dates.FirstYear, Dates.LastYear);
            RuleFor(x => x.Content).NotNull().SetValidator(new PlanContent.Validator());
        }
    }
}

public static class DraftPlanEndpoint
{
    public static Task<PlanStream> LoadAsync(DraftPlan command, IDocumentSession session, CancellationToken ct) =>
        PlanStream.FetchAsync(session, command.Year, 0, ct);

    public static ProblemDetails Validate(DraftPlan command, PlanStream plan) =>
        plan.Plan is null
            ? WolverineContinue.NoProblems
            : new RuleViolation(
                PlanRules.Plan,
                $"Det finns redan en verksamhetsplan för {command.Year}: revidera den."
            ).ToProblem();

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/plans", OperationId = nameof(DraftPlan))]
    public static PlanChanged Post(DraftPlan command, PlanStream plan, ClaimsPrincipal user, TimeProvider clock) =>
        plan.Append(
            new PlanDrafted(
                ActivityPlan.IdFor(command.Year),
                command.Year,
                command.Content.WithActivityIds(),
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
}
