namespace Governance.Municipalities;

/// <summary>Records the inhabitants on 31 December of a year (SCB's figure, or a sample marked as such).</summary>
public record RecordPopulation(int Year, int Population, bool IsSample, string? Source, int Version)
{
    public class Validator : AbstractValidator<RecordPopulation>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(x => x.Population).GreaterThan(0).WithMessage("Invånarantalet ska vara ett positivt heltal.");
            // Validators are singletons: read the clock at each validation, not once at construction.
            RuleFor(x => x.Year)
                .Must(year => year >= Dates.FirstYear && year < clock.Today().Year)
                .WithMessage(_ =>
                    "Invånarantal avser den 31 december av ett år som har slutat "
                    + $"({Dates.FirstYear}–{clock.Today().Year - 1})."
                );
            RuleFor(x => x.Source).MaximumLength(200);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class RecordPopulationEndpoint
{
    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/municipalities/{municipalityId}/populations", OperationId = nameof(RecordPopulation))]
    public static (UpdatedAggregate, PopulationRecorded) Post(
        RecordPopulation command,
        [WriteAggregate] Municipality municipality,
        ClaimsPrincipal user,
        TimeProvider clock
    ) =>
        (
            new UpdatedAggregate(),
            new PopulationRecorded(
                municipality.Id,
                command.Year,
                command.Population,
                command.IsSample,
                string.IsNullOrWhiteSpace(command.Source) ? "SCB" : command.Source.Trim(),
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
}
