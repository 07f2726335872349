namespace Governance.Infrastructure.Queries;

/// <summary>
/// How a list is paged when a page is found by passing every row before it: its size (a default, at most a maximum)
/// and how deep a page may reach, so that no page costs work that grows with the store.
/// </summary>
public sealed record PageBounds(int DefaultSize, int MaxSize, int MaxDepth)
{
    public int SizeOf(int? pageSize) => Math.Clamp(pageSize ?? DefaultSize, 1, MaxSize);

    /// <summary>The deepest page at a page size.</summary>
    public int DeepestPage(int pageSize) => Math.Max(1, MaxDepth / pageSize);

    /// <summary>The page asked for, from the first to the deepest.</summary>
    public int NumberOf(int? page, int pageSize) => Math.Clamp(page ?? 1, 1, DeepestPage(pageSize));

    /// <summary>
    /// For an endpoint's Validate: a page deeper than the bound is a 400 naming `page`, its message written from the
    /// deepest page and the page size.
    /// </summary>
    public ProblemDetails Refusal(int? page, int? pageSize, Func<int, int, string> message)
    {
        var size = SizeOf(pageSize);
        var deepest = DeepestPage(size);
        return page is { } p && p > deepest
            ? Problems.Problems.InvalidField("page", message(deepest, size))
            : WolverineContinue.NoProblems;
    }
}
