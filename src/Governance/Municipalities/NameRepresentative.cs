using FluentValidation;
using Governance.Infrastructure.Security;
using Governance.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using System.Security.Claims;
using Wolverine.Http;
using Wolverine.Marten;

namespace Governance.Municipalities;

/// <summary>Names the municipality's executive board chair, its member of the committee, from a date on.</summary>
public record NameRepresentative(string PersonName, DateOnly From, int Version)
{
    public class Validator : AbstractValidator<NameRepresentative>
    {
        public Validator()
        {
            RuleFor(x => x.PersonName).NotEmpty().MaximumLength(200);
            RuleFor(x => x.From).Must(Dates.IsPlausible).WithMessage(Dates.PlausibleMessage);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class NameRepresentativeEndpoint
{
    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/municipalities/{municipalityId}/representatives", OperationId = nameof(NameRepresentative))]
    public static (UpdatedAggregate, RepresentativeNamed) Post(
        NameRepresentative command, [WriteAggregate] Municipality municipality, ClaimsPrincipal user, TimeProvider clock) =>
        (new UpdatedAggregate(),
            new RepresentativeNamed(municipality.Id, command.PersonName.Trim(), command.From, user.ActorName(), clock.GetUtcNow()));
}
