using Governance.Meetings;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Pages;

/// <summary>The public overview: the next meetings and the latest approved minutes.</summary>
public sealed class IndexModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Meeting> Upcoming { get; private set; } = [];
    public IReadOnlyList<Meeting> Approved { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        Upcoming = [.. await session.Query<Meeting>().Where(m => m.Date >= today).OrderBy(m => m.Date).Take(6).ToListAsync(ct)];
        Approved = [.. (await session.Query<Meeting>().ToListAsync(ct)).Where(m => m.Approval is not null).OrderByDescending(m => m.Date).Take(6)];
    }
}
