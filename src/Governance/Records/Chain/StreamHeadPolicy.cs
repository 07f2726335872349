using Governance.Infrastructure.Aggregates;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Wolverine.Http.CodeGen;

namespace Governance.Records.Chain;

/// <summary>
/// A write that loads its aggregate also reads the head of that stream (<see cref="StreamHeadQuery"/>), which Wolverine
/// puts in the same batch as the aggregate: the chaining of the events appended then needs no round trip of its own.
/// </summary>
internal sealed class StreamHeadPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            if (WrittenAggregate.Of(chain) is not { } written)
                continue;
            var query = new MethodCall(typeof(StreamHeadQuery), nameof(StreamHeadQuery.Of));
            query.Arguments[0] = written.Id;
            chain.Middleware.Insert(0, query);
        }
    }
}
