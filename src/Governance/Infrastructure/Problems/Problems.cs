using Microsoft.AspNetCore.Mvc;

namespace Governance.Infrastructure.Problems;

/// <summary>RFC 7807 answers for refusals. Titles and details are Swedish: the secretary reads them.</summary>
public static class Problems
{
    public const string RuleType = "https://governance.example/problems/rule-broken";
    public const string NotFoundType = "https://governance.example/problems/not-found";

    /// <summary>A command that breaks one of the agreement's rules (or another rule of the record): 409, naming the rule.</summary>
    public static ProblemDetails RuleBroken(string rule, string detail) => new()
    {
        Type = RuleType,
        Status = StatusCodes.Status409Conflict,
        Title = $"Bryter mot regeln: {rule}",
        Detail = detail,
        Extensions = { ["rule"] = rule },
    };

    public static ProblemDetails NotFound(string what) => new()
    {
        Type = NotFoundType,
        Status = StatusCodes.Status404NotFound,
        Title = "Finns inte",
        Detail = what,
    };
}
