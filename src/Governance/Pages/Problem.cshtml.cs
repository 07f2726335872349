using Governance.Infrastructure.Problems;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Pages;

/// <summary>What an error's `type` points at: the error explained in Swedish, and what to do about it.</summary>
[AllowAnonymous]
public sealed class ProblemModel : PageModel
{
    public ProblemType Type { get; private set; } = ProblemTypes.InternalError;

    public IActionResult OnGet(string slug)
    {
        if (ProblemTypes.BySlug(slug) is not { } type)
            return NotFound();
        Type = type;
        return Page();
    }
}
