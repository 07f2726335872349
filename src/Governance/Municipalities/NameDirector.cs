namespace Governance.Municipalities;

/// <summary>
/// Names the municipality's director (kommundirektör), who sits in the management group, from a date on.
/// </summary>
public record NameDirector(string PersonName, DateOnly From, int Version) : INamesPerson
{
    public class Validator : PersonNamingValidator<NameDirector>;
}

public static class NameDirectorEndpoint
{
    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/municipalities/{municipalityId}/directors", OperationId = nameof(NameDirector))]
    public static (UpdatedAggregate, DirectorNamed) Post(
        NameDirector command,
        [WriteAggregate] Municipality municipality,
        ClaimsPrincipal user,
        TimeProvider clock
    ) =>
        (
            new UpdatedAggregate(),
            new DirectorNamed(
                municipality.Id,
                command.PersonName.Trim(),
                command.From,
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
}
