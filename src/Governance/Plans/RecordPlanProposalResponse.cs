using Governance.Municipalities;

namespace Governance.Plans;

/// <summary>A municipality's response to the plan and budget proposal it was sent.</summary>
public record RecordPlanProposalResponse(string MunicipalityCode, string Response, DateOnly RespondedOn, int Version)
    : IForMunicipality
{
    public class Validator : AbstractValidator<RecordPlanProposalResponse>
    {
        public Validator()
        {
            RuleFor(x => x.MunicipalityCode).Must(MunicipalityRules.IsMunicipalityCode).WithMessage(MunicipalityRules.CodeMessage);
            RuleFor(x => x.Response).NotEmpty().MaximumLength(20_000);
            RuleFor(x => x.RespondedOn).Must(Dates.IsPlausible).WithMessage(Dates.PlausibleMessage);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class RecordPlanProposalResponseEndpoint
{
    public static Task<PlanStream> LoadAsync(int year, RecordPlanProposalResponse command, IDocumentSession session, CancellationToken ct) =>
        PlanStream.FetchAsync(session, year, command.Version, ct);

    public static ProblemDetails Validate(RecordPlanProposalResponse command, PlanStream plan) =>
        plan.Decide(p => p.WasSentTo(command.MunicipalityCode) ? null
            : new RuleViolation(PlanRules.Plan, $"Förslaget har inte skickats till {command.MunicipalityCode}."));

    [Authorize(Roles = $"{Roles.Secretary},{Roles.Registry}")]
    [WolverinePost("/api/plans/{year}/proposal/responses", OperationId = nameof(RecordPlanProposalResponse))]
    public static PlanChanged Post(int year, RecordPlanProposalResponse command, PlanStream plan, ClaimsPrincipal user, TimeProvider clock) =>
        plan.Append(new PlanProposalResponseRecorded(plan.Stream.Id, year, command.MunicipalityCode, command.Response.Trim(), command.RespondedOn,
            user.ActorName(), clock.GetUtcNow()));
}
