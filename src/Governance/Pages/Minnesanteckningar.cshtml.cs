using Governance.Meetings;
using Governance.Minutes;
using Governance.Records.Pdf;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Pages;

/// <summary>
/// A meeting's minutes: read by everyone once approved; written by the secretary, approved by the chair, corrected by
/// either.
/// </summary>
[AllowAnonymous]
public sealed class MinnesanteckningarModel(IQuerySession session, MinutesPublication publication) : PageModel
{
    public MinutesDocument Minutes { get; private set; } = null!;

    /// <summary>The minutes from the one template the registries' copies come from.</summary>
    public string MinutesHtml { get; private set; } = "";

    public bool IsSecretary => User.IsInRole(Roles.Secretary);
    public bool IsChair => User.IsInRole(Roles.Chair);

    public async Task<IActionResult> OnGetAsync(Guid meetingId, CancellationToken ct)
    {
        if (await MinutesPublication.MeetingAsync(session, meetingId, ct) is not { } meeting)
            return NotFound();
        // Drafts are working papers of the signed-in; the public sees approved minutes only.
        if (User.Identity?.IsAuthenticated != true && !PublicView.Of(meeting).Record)
            return Challenge();
        // The page shows the anchors once sealed; it does not wait for the seal.
        Minutes = await publication.LoadAsync(session, meeting, sealFirst: false, ct);
        MinutesHtml = await publication.ContentHtmlAsync(Minutes);
        return Page();
    }

    public string Api(string tail) => $"/api/meetings/{Minutes.MeetingId}/minutes{tail}";
}
