namespace Governance.Municipalities;

/// <summary>Imports SCB's population table for a year end (CSV: code, name, population). All rows or none.</summary>
public record ImportPopulations(int Year, string Csv, string? Source)
{
    public class Validator : AbstractValidator<ImportPopulations>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(x => x.Year)
                .Must(year => year >= Dates.FirstYear && year < clock.Today().Year)
                .WithMessage(_ =>
                    "Invånarantal avser den 31 december av ett år som har slutat "
                    + $"({Dates.FirstYear}–{clock.Today().Year - 1})."
                );
            RuleFor(x => x.Csv).NotEmpty().MaximumLength(1_000_000);
            RuleFor(x => x.Source).MaximumLength(200);
        }
    }
}

public sealed record PopulationsImported(int Year, int Municipalities, long Total);

public static class ImportPopulationsEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(
        ImportPopulations command,
        IQuerySession session,
        CancellationToken ct
    )
    {
        var (rows, errors) = ScbPopulationCsv.Parse(command.Csv);
        var register = await session.Query<Municipality>().ToListAsync(ct);
        var problems = errors.ToDictionary(e => e.Key, e => e.Value);
        foreach (var row in rows)
        {
            var municipality = register.FirstOrDefault(m => m.Code == row.Code);
            if (municipality is null)
                problems[$"csv[{row.Line}]"] = [$"Rad {row.Line}: kommunkoden {row.Code} finns inte i registret."];
            else if (!string.Equals(municipality.Name, row.Name, StringComparison.CurrentCultureIgnoreCase))
                problems[$"csv[{row.Line}]"] =
                [
                    $"Rad {row.Line}: {row.Code} heter {municipality.Name} i registret, inte {row.Name}.",
                ];
        }
        return problems.Count == 0
            ? WolverineContinue.NoProblems
            : new ValidationProblemDetails(problems)
            {
                Status = 400,
                Title = "Filen kan inte läsas in",
                Detail = "Inget har sparats.",
            };
    }

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/populations/import", OperationId = nameof(ImportPopulations))]
    public static async Task<PopulationsImported> Post(
        ImportPopulations command,
        IDocumentSession session,
        ClaimsPrincipal user,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var (rows, _) = ScbPopulationCsv.Parse(command.Csv);
        var source = string.IsNullOrWhiteSpace(command.Source) ? "SCB" : command.Source.Trim();
        foreach (var row in rows)
        {
            // Fetched for writing, so each municipality's version moves on as for any other command.
            var stream = await session.Events.FetchForWriting<Municipality>(Municipality.IdFor(row.Code), ct);
            stream.AppendOne(
                new PopulationRecorded(
                    stream.Id,
                    command.Year,
                    row.Population,
                    false,
                    source,
                    user.ActorName(),
                    clock.GetUtcNow()
                )
            );
        }
        return new PopulationsImported(command.Year, rows.Count, rows.Sum(r => (long)r.Population));
    }
}
