using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Wolverine.Http.CodeGen;

namespace Governance.Infrastructure.Security;

/// <summary>A command a member or a registry gives on behalf of one municipality: the one it names.</summary>
public interface IForMunicipality
{
    string MunicipalityCode { get; }
}

/// <summary>
/// Members and registries act for their own municipality only. Who may act is decided before anything is loaded,
/// so the answer (403) does not depend on the state of the record or the version the client sent.
/// </summary>
internal sealed class MunicipalityScopePolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (
            var chain in chains.Where(c => c.HasRequestType && c.RequestType!.IsAssignableTo(typeof(IForMunicipality)))
        )
        {
            var method = typeof(MunicipalityScope)
                .GetMethod(nameof(MunicipalityScope.Check))!
                .MakeGenericMethod(chain.RequestType!);
            var call = new MethodCall(typeof(MunicipalityScope), method)
            {
                CommentText = "Members and registries act for their own municipality",
            };
            chain.Middleware.InsertRange(0, [call, new MaybeEndWithResultFrame(call.ReturnVariable!)]);
        }
    }
}

public static class MunicipalityScope
{
    public static IResult Check<T>(T command, ClaimsPrincipal user)
        where T : IForMunicipality =>
        user.MayActFor(command.MunicipalityCode)
            ? WolverineContinue.Result()
            : Results.Problem(ClaimsPrincipalExtensions.ForbiddenFor(command.MunicipalityCode));
}
