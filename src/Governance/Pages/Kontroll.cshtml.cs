using Governance.Records.Chain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Governance.Pages;

/// <summary>Anyone checks a chain hash printed in the minutes against the seal of the record.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Search)]
public sealed class KontrollModel(RecordAnchors anchors, IQuerySession session) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kontrollsumma")]
    public string? ChainHash { get; set; }

    public AnchorLookup? Found { get; private set; }

    public bool IsMeeting { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ChainHash) || ChainHash.Trim().Length != 64)
            return;
        Found = await anchors.FindAsync(ChainHash, ct);
        if (Found is not null)
            IsMeeting = await session.LoadAsync<Meetings.Meeting>(Found.StreamId, ct) is not null;
    }
}
