namespace Governance.Infrastructure.Problems;

/// <summary>RFC 9457 answers for refusals. Titles and details are Swedish: the secretary reads them.</summary>
public static class Problems
{
    // Paths on the service; made absolute (the public address) when the answer is written (ProblemAnswers).
    public static readonly string RuleType = ProblemTypes.RuleBroken.Path;
    public static readonly string StaleType = ProblemTypes.StaleVersion.Path;
    public static readonly string NotFoundType = ProblemTypes.NotFound.Path;
    public static readonly string UnavailableType = ProblemTypes.Unavailable.Path;

    /// <summary>The extension of a rule refusal that names the rule.</summary>
    public const string RuleKey = "rule";

    /// <summary>
    /// A command that breaks one of the agreement's rules (or another rule of the record): 409, naming the rule.
    /// </summary>
    public static ProblemDetails RuleBroken(string rule, string detail) =>
        new()
        {
            Type = RuleType,
            Status = StatusCodes.Status409Conflict,
            Title = $"Bryter mot regeln: {rule}",
            Detail = detail,
            Extensions = { [RuleKey] = rule },
        };

    /// <summary>The command was based on an older version of the record than the one stored now.</summary>
    public static ProblemDetails StaleVersion(long expected, long actual) =>
        new()
        {
            Type = StaleType,
            Status = StatusCodes.Status409Conflict,
            Title = "Posten har ändrats sedan du läste den",
            Detail =
                $"Du utgick från version {expected}, men den senaste är {actual}. Läs in den igen och försök på nytt.",
            Extensions = { ["expectedVersion"] = expected, ["currentVersion"] = actual },
        };

    /// <summary>The database cannot be reached for the moment: 503, to be retried after that many seconds.</summary>
    public static ProblemDetails DatabaseUnavailable(int retryAfterSeconds) =>
        new()
        {
            Type = UnavailableType,
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Tjänsten är tillfälligt otillgänglig",
            Detail = $"Databasen går inte att nå just nu. Försök igen om {retryAfterSeconds} sekunder.",
            Extensions = { ["retryAfterSeconds"] = retryAfterSeconds },
        };

    /// <summary>A query value out of its bounds: 400, naming the field as a refused body would.</summary>
    public static ProblemDetails InvalidField(string field, string message) =>
        new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
        };

    public static ProblemDetails NotFound(string what) =>
        new()
        {
            Type = NotFoundType,
            Status = StatusCodes.Status404NotFound,
            Title = "Finns inte",
            Detail = what,
        };
}
