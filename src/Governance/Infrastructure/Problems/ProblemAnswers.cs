using System.Text.RegularExpressions;
using Governance.Distribution;
using Microsoft.AspNetCore.WebUtilities;

namespace Governance.Infrastructure.Problems;

/// <summary>
/// Every problem the service writes passes here (ProblemDetailsOptions.CustomizeProblemDetails): the framework's own
/// (401, 403, 404, 405, 415, a bad query value, …) are given their Swedish title and explanation like ours, every
/// `type` is the /problem page on the service that explains it, and no exception or C# type name leaves the service.
/// </summary>
public static partial class ProblemAnswers
{
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Status = status;
        problem.Extensions.Remove("exception");
        var ours = Ours(problem.Type);
        var type = ours ?? ProblemTypes.ForStatus(status, problem.Extensions);
        if (ours is null && IsFrameworks(problem.Title, status))
        {
            problem.Title = type.Title;
            problem.Detail = FrameworkDetail(problem, type);
        }
        if (problem.Detail is { } detail && CodeName().IsMatch(detail))
            problem.Detail = type.Explanation;
        problem.Type = Absolute(context.HttpContext, type.Path);
    }

    private static ProblemType? Ours(string? type)
    {
        var at = type?.IndexOf("/problem/", StringComparison.Ordinal) ?? -1;
        return at < 0 ? null : ProblemTypes.BySlug(type![(at + "/problem/".Length)..]);
    }

    /// <summary>The framework's titles are English: its reason phrases and a few defaults of its own.</summary>
    private static bool IsFrameworks(string? title, int status) =>
        title is null || title == ReasonPhrases.GetReasonPhrase(status) || EnglishTitles.Contains(title);

    private static readonly HashSet<string> EnglishTitles =
    [
        "An error occurred while processing your request.",
        "One or more validation errors occurred.",
        "Invalid JSON format",
        "Invalid query string value",
        "Content Too Large",
        "Payload Too Large",
    ];

    private static string FrameworkDetail(ProblemDetails problem, ProblemType type)
    {
        // A query value that cannot be read (year=tjugo) names its parameter, as a field error does.
        if (problem.Extensions.TryGetValue("parameter", out var parameter) && parameter is not null)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]>
            {
                [parameter.ToString()!] =
                [
                    "Värdet går inte att tolka: ange ett värde av rätt slag (ett tal, ett datum ÅÅÅÅ-MM-DD, …).",
                ],
            };
            return $"Frågeparametern {parameter} har ett värde som inte går att tolka.";
        }
        return type.Explanation;
    }

    private static string Absolute(HttpContext context, string path)
    {
        var options = context.RequestServices.GetService<DistributionOptions>();
        var root = options is { PublicBaseUrl.Length: > 0 }
            ? options.PublicBaseUrl
            : $"{context.Request.Scheme}://{context.Request.Host}";
        return root.TrimEnd('/') + path;
    }

    /// <summary>
    /// Namespaced names (Governance.Meetings.CancelMeeting, System.Int32) are the code's, not the reader's.
    /// </summary>
    [GeneratedRegex(@"\b(Governance|System|Microsoft|Marten|Wolverine|JasperFx|Npgsql)\.[A-Z]\w*")]
    private static partial Regex CodeName();
}
