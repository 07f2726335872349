using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Wolverine.Http.CodeGen;

namespace Governance.Infrastructure.Validation;

/// <summary>
/// Puts request validation in front of every Wolverine endpoint whose request type has a FluentValidation
/// validator registered: one policy for all endpoints instead of a call in each.
/// </summary>
internal sealed class FluentValidationPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            var requestType = chain.HasRequestType ? chain.RequestType : chain.ComplexQueryStringType;
            if (requestType is null)
                continue;
            if (!container.RegistrationsFor(typeof(IValidator<>).MakeGenericType(requestType)).Any())
                continue;

            chain.Metadata.ProducesValidationProblem(StatusCodes.Status400BadRequest);
            var method = typeof(FluentValidationExecutor)
                .GetMethod(nameof(FluentValidationExecutor.ExecuteAsync))!
                .MakeGenericMethod(requestType);
            var call = new MethodCall(typeof(FluentValidationExecutor), method) { CommentText = "FluentValidation" };
            chain.Middleware.InsertRange(0, [call, new MaybeEndWithResultFrame(call.ReturnVariable!)]);
        }
    }
}
