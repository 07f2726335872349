using Governance.Agreement;
using Governance.Municipalities;
using JasperFx.Events.Projections;

namespace Governance.Projects;

/// <summary>
/// §6–§7: a special project concerning all members (no participants given) or some, its cost split by population.
/// </summary>
public record StartSpecialProject(
    string Name,
    string? Description,
    decimal Cost,
    IReadOnlyList<string>? Participants,
    DateOnly DecidedOn,
    string DecisionReference
)
{
    public const string Rule = "§7 särskilda projekt";

    public class Validator : AbstractValidator<StartSpecialProject>
    {
        /// <summary>The committee decided the project: not after today (participants are the rule's).</summary>
        public Validator(TimeProvider clock)
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(300);
            RuleFor(x => x.Description).MaximumLength(10_000);
            RuleFor(x => x.Cost).GreaterThan(0).PrecisionScale(15, 2, true);
            RuleForEach(x => x.Participants)
                .Must(MunicipalityRules.IsMunicipalityCode)
                .WithMessage(MunicipalityRules.CodeMessage);
            RuleFor(x => x.DecidedOn).PlausibleAndHappened(clock);
            RuleFor(x => x.DecisionReference).NotEmpty().MaximumLength(200);
        }
    }

    public IReadOnlyList<Municipality> TakingPart(MembersOnDate members) =>
        Participants is { Count: > 0 } chosen
            ? [.. members.Register.Where(m => chosen.Contains(m.Code))]
            : members.Members;
}

public static class StartSpecialProjectEndpoint
{
    public static Task<MembersOnDate> LoadAsync(
        StartSpecialProject command,
        IQuerySession session,
        CancellationToken ct
    ) => MembersOnDate.LoadAsync(session, command.DecidedOn, ct);

    public static ProblemDetails Validate(StartSpecialProject command, MembersOnDate members)
    {
        var outsiders = (command.Participants ?? []).Except(members.Codes).ToList();
        if (outsiders.Count > 0)
            return new RuleViolation(
                StartSpecialProject.Rule,
                "Endast avtalsparter kan delta; "
                    + $"inte medlemmar {MembersOnDateText(members)}: {string.Join(", ", outsiders)}."
            ).ToProblem();
        var taking = command.TakingPart(members);
        return PopulationSplit.Of(taking, [command.Cost], command.DecidedOn) is null
            ? PopulationSplit.NoCommonYear(StartSpecialProject.Rule, taking).ToProblem()
            : WolverineContinue.NoProblems;
    }

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/special-projects", OperationId = nameof(StartSpecialProject))]
    public static (CreationResponse<Guid>, IStartStream) Post(
        StartSpecialProject command,
        MembersOnDate members,
        ClaimsPrincipal user,
        TimeProvider clock
    )
    {
        var (year, shares) = PopulationSplit.Of(command.TakingPart(members), [command.Cost], command.DecidedOn)!.Value;
        var id = Guid.CreateVersion7();
        var started = new SpecialProjectStarted(
            id,
            command.Name.Trim(),
            command.Description?.Trim(),
            command.Cost,
            command.DecidedOn,
            command.DecisionReference.Trim(),
            year,
            [.. shares.Select(s => new ProjectShare(s.Code, s.Population, s.Parts[0]))],
            user.ActorName(),
            clock.GetUtcNow()
        );
        return (
            new CreationResponse<Guid>($"/api/special-projects/{id}", id),
            MartenOps.StartStream<SpecialProject>(id, started)
        );
    }

    private static string MembersOnDateText(MembersOnDate members) => $"den {Dates.Iso(members.On)}";
}

public static class GetSpecialProjectsEndpoint
{
    [Authorize]
    [WolverineGet("/api/special-projects", OperationId = "GetSpecialProjects")]
    public static async Task<IReadOnlyList<SpecialProject>> Get(IQuerySession session, CancellationToken ct) =>
        [.. await session.Query<SpecialProject>().OrderByDescending(p => p.DecidedOn).ToListAsync(ct)];

    [Authorize]
    [WolverineGet("/api/special-projects/{projectId}", OperationId = "GetSpecialProject")]
    public static Task<SpecialProject?> GetOne(Guid projectId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<SpecialProject>(projectId, ct);
}

public static class ProjectsStore
{
    public static void ConfigureProjects(this StoreOptions options) =>
        options.Projections.Snapshot<SpecialProject>(SnapshotLifecycle.Inline);
}
