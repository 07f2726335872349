using Governance.Agreement;
using Governance.Meetings;

namespace Governance.Plans;

/// <summary>§4: the plan is adopted by a decision of a committee meeting (the item whose decision adopts it).</summary>
public record AdoptPlan(Guid MeetingId, Guid ItemId, int Version)
{
    public class Validator : AbstractValidator<AdoptPlan>
    {
        public Validator() => RuleFor(x => x.Version).GreaterThan(0);
    }
}

public sealed record PlanDecisionContext(Meeting? Meeting, MembersOnDate? Members);

public static class AdoptPlanEndpoint
{
    public static async Task<(PlanStream, PlanDecisionContext)> LoadAsync(
        int year,
        AdoptPlan command,
        IDocumentSession session,
        CancellationToken ct
    )
    {
        var meeting = await session.LoadAsync<Meeting>(command.MeetingId, ct);
        var members = meeting is null ? null : await MembersOnDate.LoadAsync(session, meeting.Date, ct);
        return (
            await PlanStream.FetchAsync(session, year, command.Version, ct),
            new PlanDecisionContext(meeting, members)
        );
    }

    public static ProblemDetails Validate(AdoptPlan command, PlanStream plan, PlanDecisionContext decision) =>
        plan.Decide(p =>
            PlanRules.CanAdopt(
                p,
                decision.Meeting,
                command.ItemId,
                decision.Members?.Codes ?? [],
                code => decision.Members!.NameOf(code)
            )
        );

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/plans/{year}/adoption", OperationId = nameof(AdoptPlan))]
    public static PlanChanged Post(
        int year,
        AdoptPlan command,
        PlanStream plan,
        PlanDecisionContext decision,
        ClaimsPrincipal user,
        TimeProvider clock
    ) =>
        plan.Append(
            new PlanAdopted(
                plan.Stream.Id,
                year,
                plan.Plan!.Revision,
                command.MeetingId,
                command.ItemId,
                decision.Meeting!.Item(command.ItemId)!.Outcome!.Text,
                decision.Meeting.Date,
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
}
