using System.Reflection;
using System.Text.Json;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using JasperFx.CodeGeneration.Model;
using Wolverine.Http.CodeGen;
using Wolverine.Persistence.EventSourcing;

namespace Governance.Infrastructure.Aggregates;

/// <summary>
/// An unknown stream id in the route is a 404, not a version conflict. A command carrying its expected version is
/// fetched at that version in one query; a missing stream then fails as "expected N but was 0" (a stream that exists
/// has at least one event), which <see cref="MissingStream"/> turns into the 404. A command without a version in its
/// body (an upload) checks the stream first.
/// </summary>
internal sealed class AggregateMustExistPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            if (WrittenAggregate.Of(chain) is not { } written)
                continue;
            var (parameter, routeName, id) = written;
            chain.Metadata.WithMetadata(
                new MissingStream(AggregateExistence.DisplayName(parameter.ParameterType), routeName)
            );
            if (chain.RequestType?.GetProperty("Version") is not null)
                continue;

            var method = typeof(AggregateExistence)
                .GetMethod(nameof(AggregateExistence.CheckAsync))!
                .MakeGenericMethod(parameter.ParameterType);
            var call = new MethodCall(typeof(AggregateExistence), method) { CommentText = "404 for an unknown stream" };
            call.Arguments[0] = id;
            chain.Middleware.InsertRange(0, [call, new MaybeEndWithResultFrame(call.ReturnVariable!)]);
        }
    }
}

/// <summary>The aggregate an endpoint loads for writing, and the route's variable that names its stream.</summary>
public sealed record WrittenAggregate(ParameterInfo Parameter, string RouteName, Variable Id)
{
    public static WrittenAggregate? Of(HttpChain chain)
    {
        var parameter = chain
            .Method.Method.GetParameters()
            .FirstOrDefault(p => p.GetCustomAttribute<WriteModelAttribute>() is not null);
        if (parameter is null)
            return null;
        var routeName =
            parameter.GetCustomAttribute<WriteModelAttribute>()!.RouteOrParameterName
            ?? JsonNamingPolicy.CamelCase.ConvertName(parameter.ParameterType.Name) + "Id";
        return chain.FindRouteVariable(typeof(Guid), routeName, out var id) ? new(parameter, routeName, id) : null;
    }
}

/// <summary>What an endpoint's route names a stream by, for the 404 of an unknown one.</summary>
public sealed record MissingStream(string DisplayName, string RouteName)
{
    public ProblemDetails Problem(RouteValueDictionary? route) =>
        Problems.Problems.NotFound($"Det finns {DisplayName} med id {route?[RouteName]}.");
}

public static class AggregateExistence
{
    public static async Task<IResult> CheckAsync<T>(
        Guid id,
        IQuerySession session,
        CancellationToken cancellationToken
    ) =>
        await session.Events.FetchStreamStateAsync(id, cancellationToken) is null
            ? Results.Problem(Problems.Problems.NotFound($"Det finns {DisplayName(typeof(T))} med id {id}."))
            : WolverineContinue.Result();

    public static string DisplayName(Type type) =>
        type.GetCustomAttribute<System.ComponentModel.DisplayNameAttribute>()?.DisplayName ?? "ingen sådan post";
}
