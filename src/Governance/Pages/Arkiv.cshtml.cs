using Governance.Meetings;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Pages;

/// <summary>The secretary hands a year's records to the archive: what the package holds and the download.</summary>
[Authorize(Roles = Roles.Secretary)]
public sealed class ArkivModel(IQuerySession session, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ar")]
    public int? Year { get; set; }

    public int ShownYear { get; private set; }

    public int ApprovedMinutes { get; private set; }

    public int MeetingsAwaitingApproval { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ShownYear = Year ?? clock.Today().Year - 1;
        var (first, last) = (new DateOnly(ShownYear, 1, 1), new DateOnly(ShownYear, 12, 31));
        var meetings = await MeetingHeaders.SelectedAsync(
            session,
            $"{MeetingHeaders.Ids} (data ->> 'Status') = ? and date >= ? and date <= ?",
            [nameof(MeetingStatus.Closed), first, last],
            ct
        );
        ApprovedMinutes = meetings.Count(m => m.Approval is not null);
        MeetingsAwaitingApproval = meetings.Count - ApprovedMinutes;
    }
}
