namespace Governance.Plans;

/// <summary>
/// Follow-up of the action plan: an activity's status during the year, with a comment and who reported it.
/// </summary>
public record ReportActivityStatus(Guid ActivityId, ActivityStatus Status, string? Comment, int Version)
{
    public class Validator : AbstractValidator<ReportActivityStatus>
    {
        public Validator()
        {
            RuleFor(x => x.Status).IsInEnum();
            RuleFor(x => x.Comment).MaximumLength(4000);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class ReportActivityStatusEndpoint
{
    public static Task<PlanStream> LoadAsync(
        int year,
        ReportActivityStatus command,
        IDocumentSession session,
        CancellationToken ct
    ) => PlanStream.FetchAsync(session, year, command.Version, ct);

    public static ProblemDetails Validate(ReportActivityStatus command, PlanStream plan) =>
        plan.Decide(p => PlanRules.CanReport(p, command.ActivityId));

    [Authorize(Roles = $"{Roles.Secretary},{Roles.Member},{Roles.Chair}")]
    [WolverinePost("/api/plans/{year}/activities/status", OperationId = nameof(ReportActivityStatus))]
    public static PlanChanged Post(
        int year,
        ReportActivityStatus command,
        PlanStream plan,
        ClaimsPrincipal user,
        TimeProvider clock
    ) =>
        plan.Append(
            new ActivityStatusReported(
                plan.Stream.Id,
                year,
                command.ActivityId,
                command.Status,
                command.Comment?.Trim(),
                clock.Today(),
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
}
