namespace Governance.Plans;

/// <summary>Revises the draft (a new revision of the whole content) until the plan is adopted.</summary>
public record ReviseDraftPlan(PlanContent Content, int Version)
{
    public class Validator : AbstractValidator<ReviseDraftPlan>
    {
        public Validator()
        {
            RuleFor(x => x.Content).NotNull().SetValidator(new PlanContent.Validator());
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class ReviseDraftPlanEndpoint
{
    public static Task<PlanStream> LoadAsync(
        int year,
        ReviseDraftPlan command,
        IDocumentSession session,
        CancellationToken ct
    ) => PlanStream.FetchAsync(session, year, command.Version, ct);

    public static ProblemDetails Validate(PlanStream plan) => plan.Decide(PlanRules.IsDraft);

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/plans/{year}/revisions", OperationId = nameof(ReviseDraftPlan))]
    public static PlanChanged Post(
        int year,
        ReviseDraftPlan command,
        PlanStream plan,
        ClaimsPrincipal user,
        TimeProvider clock
    ) =>
        plan.Append(
            new DraftPlanRevised(
                plan.Stream.Id,
                year,
                plan.Plan!.Revision + 1,
                command.Content.WithActivityIds(),
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
}
