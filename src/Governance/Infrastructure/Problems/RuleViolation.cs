namespace Governance.Infrastructure.Problems;

/// <summary>What a pure rule function answers when a command would break a rule: the rule's name and why.</summary>
public sealed record RuleViolation(string Rule, string Message)
{
    public ProblemDetails ToProblem() => Problems.RuleBroken(Rule, Message);
}

public static class RuleViolationExtensions
{
    /// <summary>Wolverine's "continue" when no rule is broken, the 409 naming the rule otherwise.</summary>
    public static ProblemDetails OrContinue(this RuleViolation? violation) =>
        violation?.ToProblem() ?? WolverineContinue.NoProblems;
}
