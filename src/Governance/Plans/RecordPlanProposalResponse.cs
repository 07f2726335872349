using Governance.Municipalities;

namespace Governance.Plans;

/// <summary>A municipality's response to the plan and budget proposal it was sent.</summary>
public record RecordPlanProposalResponse(string MunicipalityCode, string Response, DateOnly RespondedOn, int Version)
    : IForMunicipality
{
    public class Validator : AbstractValidator<RecordPlanProposalResponse>
    {
        /// <summary>The municipality responded: not after today (nor before it got the proposal: the rule).</summary>
        public Validator(TimeProvider clock)
        {
            RuleFor(x => x.MunicipalityCode)
                .Must(MunicipalityRules.IsMunicipalityCode)
                .WithMessage(MunicipalityRules.CodeMessage);
            RuleFor(x => x.Response).NotEmpty().MaximumLength(20_000);
            RuleFor(x => x.RespondedOn).PlausibleAndHappened(clock);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class RecordPlanProposalResponseEndpoint
{
    public static Task<PlanStream> LoadAsync(
        int year,
        RecordPlanProposalResponse command,
        IDocumentSession session,
        CancellationToken ct
    ) => PlanStream.FetchAsync(session, year, command.Version, ct);

    public static ProblemDetails Validate(RecordPlanProposalResponse command, PlanStream plan) =>
        plan.Decide(p => PlanRules.CanRecordResponse(p, command.MunicipalityCode, command.RespondedOn));

    [Authorize(Roles = $"{Roles.Secretary},{Roles.Registry}")]
    [WolverinePost("/api/plans/{year}/proposal/responses", OperationId = nameof(RecordPlanProposalResponse))]
    public static PlanChanged Post(
        int year,
        RecordPlanProposalResponse command,
        PlanStream plan,
        ClaimsPrincipal user,
        TimeProvider clock
    ) =>
        plan.Append(
            new PlanProposalResponseRecorded(
                plan.Stream.Id,
                year,
                command.MunicipalityCode,
                command.Response.Trim(),
                command.RespondedOn,
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
}
