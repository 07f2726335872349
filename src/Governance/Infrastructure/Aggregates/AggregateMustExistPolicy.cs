using System.Reflection;
using System.Text.Json;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Wolverine.Http.CodeGen;
using Wolverine.Persistence.EventSourcing;

namespace Governance.Infrastructure.Aggregates;

/// <summary>
/// An unknown stream id in the route is a 404. Without this check the stream is first fetched at the
/// command's expected version, and a missing stream would come back as a version conflict (409).
/// </summary>
internal sealed class AggregateMustExistPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            var parameter = chain.Method.Method.GetParameters()
                .FirstOrDefault(p => p.GetCustomAttribute<WriteModelAttribute>() is not null);
            if (parameter is null) continue;

            var attribute = parameter.GetCustomAttribute<WriteModelAttribute>()!;
            var routeName = attribute.RouteOrParameterName ?? JsonNamingPolicy.CamelCase.ConvertName(parameter.ParameterType.Name) + "Id";
            if (!chain.FindRouteVariable(typeof(Guid), routeName, out var id)) continue;

            var method = typeof(AggregateExistence).GetMethod(nameof(AggregateExistence.CheckAsync))!
                .MakeGenericMethod(parameter.ParameterType);
            var call = new MethodCall(typeof(AggregateExistence), method) { CommentText = "404 for an unknown stream" };
            call.Arguments[0] = id;
            chain.Middleware.InsertRange(0, [call, new MaybeEndWithResultFrame(call.ReturnVariable!)]);
        }
    }
}

public static class AggregateExistence
{
    public static async Task<IResult> CheckAsync<T>(Guid id, IQuerySession session, CancellationToken cancellationToken) =>
        await session.Events.FetchStreamStateAsync(id, cancellationToken) is null
            ? Results.Problem(Governance.Infrastructure.Problems.Problems.NotFound($"Det finns {DisplayName<T>()} med id {id}."))
            : WolverineContinue.Result();

    private static string DisplayName<T>() =>
        typeof(T).GetCustomAttribute<System.ComponentModel.DisplayNameAttribute>()?.DisplayName ?? "ingen sådan post";
}
