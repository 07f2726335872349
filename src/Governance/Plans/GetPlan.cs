using Governance.Agreement;

namespace Governance.Plans;

public sealed record ActivityView(
    Guid ActivityId,
    string FocusArea,
    string? SubGoal,
    string Activity,
    IReadOnlyList<string> Responsible,
    string? Cost,
    string? Time,
    string? Comment,
    ActivityStatus Status,
    IReadOnlyList<StatusReport> History
);

public sealed record ProposalView(
    string Code,
    string Name,
    bool Sent,
    DateOnly? SentOn,
    int? Revision,
    IReadOnlyList<ProposalResponse> Responses
);

public sealed record BudgetView(
    IReadOnlyList<BudgetLine> Income,
    IReadOnlyList<BudgetLine> Costs,
    decimal TotalIncome,
    decimal TotalCosts
);

public sealed record PlanView(
    int Year,
    string Status,
    int Revision,
    IReadOnlyList<FocusArea> FocusAreas,
    IReadOnlyList<ActivityView> Activities,
    BudgetView Budget,
    IReadOnlyList<ProposalView> Proposal,
    Adoption? Adoption,
    IReadOnlyList<PlanAmendment> Amendments,
    int Version
);

public static class GetPlanEndpoint
{
    /// <summary>
    /// The year's plan: focus areas, the action plan with each activity's latest status and its history, the budget,
    /// the proposal per municipality.
    /// </summary>
    [WolverineGet("/api/plans/{year}", OperationId = "GetPlan")]
    public static async Task<PlanView?> Get(int year, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<ActivityPlan>(ActivityPlan.IdFor(year), ct) is not { } plan)
            return null;
        var members = await MembersOnDate.LoadAsync(session, plan.Adoption?.AdoptedOn ?? new DateOnly(year, 1, 1), ct);
        var codes = members.Codes.Union(plan.ProposalSent.Select(p => p.MunicipalityCode)).ToList();
        var activities = plan
            .Content.Activities.Select(a =>
            {
                var history = plan.StatusHistory.GetValueOrDefault(a.ActivityId!.Value) ?? [];
                return new ActivityView(
                    a.ActivityId.Value,
                    a.FocusArea,
                    a.SubGoal,
                    a.Activity,
                    a.Responsible,
                    a.Cost,
                    a.Time,
                    a.Comment,
                    history.LastOrDefault()?.Status ?? ActivityStatus.NotStarted,
                    history
                );
            })
            .ToList();
        var proposal = codes
            .Select(code =>
            {
                var sent = plan.ProposalSent.LastOrDefault(p => p.MunicipalityCode == code);
                return new ProposalView(
                    code,
                    members.NameOf(code),
                    sent is not null,
                    sent?.SentOn,
                    sent?.Revision,
                    [.. plan.Responses.Where(r => r.MunicipalityCode == code)]
                );
            })
            .OrderBy(p => p.Name, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true))
            .ToList();
        var budget = plan.Content.Budget;
        return new PlanView(
            year,
            plan.Adoption is null ? "draft" : "adopted",
            plan.Revision,
            plan.Content.FocusAreas,
            activities,
            new BudgetView(budget.Income, budget.Costs, budget.TotalIncome, budget.TotalCosts),
            proposal,
            plan.Adoption,
            plan.Amendments,
            plan.Version
        );
    }
}
