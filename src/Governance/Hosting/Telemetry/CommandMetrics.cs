using System.Diagnostics.Metrics;
using Governance.Infrastructure.Problems;

namespace Governance.Hosting.Telemetry;

/// <summary>
/// Counts every command (a write through the API, named by its operation id) by its outcome, and every refusal by the
/// rule its 409 names: one middleware for all endpoints, reading the answer's status when it is final.
/// </summary>
public sealed class CommandMetrics(GovernanceMeter meter)
{
    private readonly Counter<long> _commands = meter.Meter.CreateCounter<long>(
        "governance.commands",
        "{command}",
        "Commands handled, by operation and outcome (accepted, refused, failed)"
    );
    private readonly Counter<long> _refusals = meter.Meter.CreateCounter<long>(
        "governance.rule_refusals",
        "{command}",
        "Commands refused with 409 for breaking a rule, by the rule"
    );

    /// <summary>What the problem written for a command said, if one was: the rule it names.</summary>
    private sealed class CommandAnswer
    {
        public string? Rule { get; set; }
    }

    /// <summary>The operation id of a write endpoint ("RegisterMunicipality"); null for reads and pages.</summary>
    private static string? OperationOf(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        || HttpMethods.IsHead(context.Request.Method)
        || HttpMethods.IsOptions(context.Request.Method)
            ? null
            : context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;

    /// <summary>Every problem answer passes here (Wolverine's, the exception handlers'): its rule is noted.</summary>
    public static void NoteRuleOfEachProblem(ProblemDetailsOptions options)
    {
        var earlier = options.CustomizeProblemDetails;
        options.CustomizeProblemDetails = context =>
        {
            earlier?.Invoke(context);
            if (
                context.ProblemDetails.Extensions.TryGetValue(Problems.RuleKey, out var rule)
                && rule is string name
                && context.HttpContext.Features.Get<CommandAnswer>() is { } answer
            )
                answer.Rule = name;
        };
    }

    /// <summary>First in the pipeline: the status is the one the client got, after the exception handlers.</summary>
    public static IApplicationBuilder UseCommandMetrics(IApplicationBuilder app)
    {
        var metrics = app.ApplicationServices.GetRequiredService<CommandMetrics>();
        return app.Use(
            async (context, next) =>
            {
                if (OperationOf(context) is not { } operation)
                {
                    await next(context);
                    return;
                }
                var answer = new CommandAnswer();
                context.Features.Set(answer);
                try
                {
                    await next(context);
                }
                catch
                {
                    metrics.Record(operation, StatusCodes.Status500InternalServerError, null);
                    throw;
                }
                metrics.Record(operation, context.Response.StatusCode, answer.Rule);
            }
        );
    }

    private void Record(string operation, int status, string? rule)
    {
        var outcome = status switch
        {
            < 400 => "accepted",
            < 500 => "refused",
            _ => "failed",
        };
        _commands.Add(1, new("operation", operation), new("outcome", outcome));
        if (status == StatusCodes.Status409Conflict && rule is not null)
            _refusals.Add(1, new KeyValuePair<string, object?>("rule", rule));
    }
}
