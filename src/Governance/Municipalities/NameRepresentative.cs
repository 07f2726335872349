namespace Governance.Municipalities;

/// <summary>Names the municipality's executive board chair, its member of the committee, from a date on.</summary>
public record NameRepresentative(string PersonName, DateOnly From, int Version) : INamesPerson
{
    public class Validator : PersonNamingValidator<NameRepresentative>;
}

public static class NameRepresentativeEndpoint
{
    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/municipalities/{municipalityId}/representatives", OperationId = nameof(NameRepresentative))]
    public static (UpdatedAggregate, RepresentativeNamed) Post(
        NameRepresentative command,
        [WriteAggregate] Municipality municipality,
        ClaimsPrincipal user,
        TimeProvider clock
    ) =>
        (
            new UpdatedAggregate(),
            new RepresentativeNamed(
                municipality.Id,
                command.PersonName.Trim(),
                command.From,
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
}
