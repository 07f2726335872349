namespace Governance.Municipalities;

public record RegisterMunicipality(string Code, string Name, string RegistryEmail)
{
    public class Validator : AbstractValidator<RegisterMunicipality>
    {
        public Validator()
        {
            RuleFor(x => x.Code).Must(MunicipalityRules.IsMunicipalityCode).WithMessage(MunicipalityRules.CodeMessage);
            RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
            RuleFor(x => x.RegistryEmail)
                .Must(MunicipalityRules.IsRegistryEmail)
                .WithMessage("Registratorns e-postadress är inte giltig.");
        }
    }
}

public static class RegisterMunicipalityEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(RegisterMunicipality command, IQuerySession session)
    {
        var clash = await session
            .Query<Municipality>()
            .Where(m => m.Code == command.Code || m.Name == command.Name.Trim())
            .WithValuesRead()
            .FirstOrDefaultAsync();
        if (clash is null)
            return WolverineContinue.NoProblems;
        return Problems.RuleBroken(
            "unik kommunkod och kommunnamn",
            clash.Code == command.Code
                ? $"Kommunkoden {command.Code} är redan registrerad för {clash.Name}."
                : $"{clash.Name} är redan registrerad med kommunkoden {clash.Code}."
        );
    }

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/municipalities", OperationId = nameof(RegisterMunicipality))]
    public static (CreationResponse<Guid>, IStartStream) Post(
        RegisterMunicipality command,
        ClaimsPrincipal user,
        TimeProvider clock
    )
    {
        var id = Municipality.IdFor(command.Code);
        var registered = new MunicipalityRegistered(
            id,
            command.Code,
            command.Name.Trim(),
            command.RegistryEmail,
            user.ActorName(),
            clock.GetUtcNow()
        );
        return (
            new CreationResponse<Guid>($"/api/municipalities/{id}", id),
            MartenOps.StartStream<Municipality>(id, registered)
        );
    }
}
