using FluentValidation;
using Governance.Infrastructure.Security;
using Governance.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using System.Security.Claims;
using Wolverine.Http;
using Wolverine.Marten;

namespace Governance.Municipalities;

/// <summary>Names the municipality's director (kommundirektör), who sits in the management group, from a date on.</summary>
public record NameDirector(string PersonName, DateOnly From, int Version)
{
    public class Validator : AbstractValidator<NameDirector>
    {
        public Validator()
        {
            RuleFor(x => x.PersonName).NotEmpty().MaximumLength(200);
            RuleFor(x => x.From).Must(Dates.IsPlausible).WithMessage(Dates.PlausibleMessage);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class NameDirectorEndpoint
{
    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/municipalities/{municipalityId}/directors", OperationId = nameof(NameDirector))]
    public static (UpdatedAggregate, DirectorNamed) Post(
        NameDirector command, [WriteAggregate] Municipality municipality, ClaimsPrincipal user, TimeProvider clock) =>
        (new UpdatedAggregate(),
            new DirectorNamed(municipality.Id, command.PersonName.Trim(), command.From, user.ActorName(), clock.GetUtcNow()));
}
