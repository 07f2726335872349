namespace Governance.Plans;

public sealed record FocusArea(
    string Name,
    string Goal,
    IReadOnlyList<string> SubGoals,
    IReadOnlyList<string>? Networks
);

/// <summary>
/// A row of the action plan (handlingsplan): activity, sub-goal, who is responsible, cost, time and comment.
/// </summary>
public sealed record PlannedActivity(
    Guid? ActivityId,
    string FocusArea,
    string? SubGoal,
    string Activity,
    IReadOnlyList<string> Responsible,
    string? Cost,
    string? Time,
    string? Comment
);

public sealed record BudgetLine(string Label, decimal Amount, bool Approximate);

public sealed record Budget(IReadOnlyList<BudgetLine> Income, IReadOnlyList<BudgetLine> Costs)
{
    public decimal TotalIncome => Income.Sum(l => l.Amount);
    public decimal TotalCosts => Costs.Sum(l => l.Amount);
}

/// <summary>The plan's content: focus areas with goals and sub-goals, the action plan and the budget.</summary>
public sealed record PlanContent(
    IReadOnlyList<FocusArea> FocusAreas,
    IReadOnlyList<PlannedActivity> Activities,
    Budget Budget
)
{
    /// <summary>Every activity with an id: new activities get one; revisions keep the ids they were given.</summary>
    public PlanContent WithActivityIds() =>
        this with
        {
            Activities =
            [
                .. Activities.Select(a => a.ActivityId is null ? a with { ActivityId = Guid.CreateVersion7() } : a),
            ],
        };

    public class Validator : AbstractValidator<PlanContent>
    {
        public Validator()
        {
            RuleFor(x => x.FocusAreas).NotNull().NotEmpty();
            RuleFor(x => x.Activities).NotNull();
            RuleForEach(x => x.FocusAreas)
                .ChildRules(area =>
                {
                    area.RuleFor(a => a.Name).NotEmpty().MaximumLength(200);
                    area.RuleFor(a => a.Goal).NotEmpty().MaximumLength(2000);
                    area.RuleFor(a => a.SubGoals).NotNull();
                });
            RuleFor(x => x.Activities)
                .Must(a =>
                    a is null
                    || a.Where(x => x.ActivityId is not null).Select(x => x.ActivityId).Distinct().Count()
                        == a.Count(x => x.ActivityId is not null)
                )
                .WithMessage("Varje aktivitet har ett eget id.");
            RuleForEach(x => x.Activities)
                .ChildRules(activity =>
                {
                    activity.RuleFor(a => a.Activity).NotEmpty().MaximumLength(2000);
                    activity.RuleFor(a => a.FocusArea).NotEmpty();
                    activity.RuleFor(a => a.Responsible).NotNull().NotEmpty();
                });
            RuleFor(x => x.Activities)
                .Must(
                    (content, activities) =>
                        activities is null
                        || content.FocusAreas is null
                        || activities.All(a => content.FocusAreas.Any(f => f.Name == a.FocusArea))
                )
                .WithMessage("Varje aktivitet hör till ett av planens fokusområden.");
            RuleFor(x => x.Budget).NotNull();
            When(
                x => x.Budget is not null,
                () =>
                {
                    RuleFor(x => x.Budget.Income).NotNull();
                    RuleFor(x => x.Budget.Costs).NotNull();
                    RuleForEach(x => x.Budget.Income)
                        .ChildRules(l =>
                        {
                            l.RuleFor(x => x.Label).NotEmpty();
                            l.RuleFor(x => x.Amount).GreaterThanOrEqualTo(0);
                        });
                    RuleForEach(x => x.Budget.Costs)
                        .ChildRules(l =>
                        {
                            l.RuleFor(x => x.Label).NotEmpty();
                            l.RuleFor(x => x.Amount).GreaterThanOrEqualTo(0);
                        });
                }
            );
        }
    }
}
