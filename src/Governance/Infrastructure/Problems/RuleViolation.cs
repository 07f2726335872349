namespace Governance.Infrastructure.Problems;

/// <summary>What a pure rule function answers when a command would break a rule: the rule's name and why.</summary>
public sealed record RuleViolation(string Rule, string Message)
{
    /// <summary>Set when the rule found the thing the command names missing: the answer is 404, not 409.</summary>
    public bool IsNotFound { get; init; }

    public static RuleViolation Missing(string message) => new("finns inte", message) { IsNotFound = true };

    public ProblemDetails ToProblem() => IsNotFound ? Problems.NotFound(Message) : Problems.RuleBroken(Rule, Message);
}

public static class RuleViolationExtensions
{
    /// <summary>Wolverine's "continue" when no rule is broken, the 409 naming the rule otherwise.</summary>
    public static ProblemDetails OrContinue(this RuleViolation? violation) =>
        violation?.ToProblem() ?? WolverineContinue.NoProblems;
}
