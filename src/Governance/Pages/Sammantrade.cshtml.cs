using Governance.Agreement;
using Governance.Meetings;
using Governance.Municipalities;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Pages;

/// <summary>
/// A meeting's page, where the calendar feed links: what the public may see at the meeting's stage (PublicView) for
/// everyone; for the secretary and the chair the whole meeting is run from here (agenda, notice, attendance, quorum,
/// decisions, closing).
/// </summary>
[AllowAnonymous]
public sealed class SammantradeModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;
    public MembersOnDate Members { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public QuorumStatus Quorum { get; private set; } = null!;
    public bool IsToday { get; private set; }

    /// <summary>What the public may see of this meeting at its stage; the signed-in see it all.</summary>
    public PublicView View { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "kl")]
    public TimeOnly? At { get; set; }

    public bool IsSecretary => User.IsInRole(Roles.Secretary);
    public bool IsChair => User.IsInRole(Roles.Chair);
    public bool IsStaff => IsSecretary || IsChair;
    public bool IsOpen => Meeting.Status == MeetingStatus.Scheduled;

    /// <summary>Its day has come: attendance, outcomes and the closing are recorded (MeetingRules.HasBegun).</summary>
    public bool HasBegun { get; private set; }
    public bool IsBeingHeld => IsOpen && HasBegun;
    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public async Task<IActionResult> OnGetAsync(Guid meetingId, CancellationToken ct)
    {
        // The meeting, the agreement and the register in one round trip.
        var batch = session.CreateBatchQuery();
        var loaded = batch.Load<Meeting>(meetingId);
        var shared = batch.SharedReads();
        await batch.Execute(ct);
        await shared;
        if (await loaded is not { } stored)
            return NotFound();
        var dissolution = await MeetingsAfterDissolution.LoadAsync(session, ct);
        var meeting = PublicView.For(User, MeetingsAfterDissolution.AsShown(stored, dissolution));
        Meeting = meeting;
        View = PublicView.Of(stored);
        Members = await MembersOnDate.LoadAsync(session, meeting.Date, ct);
        Names = await MunicipalityNames.LoadAsync(session, ct);
        IsToday = meeting.Date == clock.Today();
        HasBegun = MeetingRules.HasBegun(meeting, clock.Today()) is null;
        Quorum = GetMeetingsEndpoint.QuorumOf(meeting, Members, At ?? DefaultMoment(meeting));
        return Page();
    }

    /// <summary>Today: now. Another day: how the meeting stood at its close, or at the last thing recorded.</summary>
    private TimeOnly DefaultMoment(Meeting meeting)
    {
        if (meeting.Date == clock.Today())
            return clock.TimeOfDay();
        return meeting.ClosedAt is { } closed ? closed.AddMinutes(-1) : meeting.LastRecordedMoment();
    }

    /// <summary>The time a form proposes: now during the meeting's day, else the meeting's end.</summary>
    public string NowText => (IsToday ? clock.TimeOfDay() : Meeting.EndsAt).ToString("HH:mm");

    public string NameOf(string? code) => code is null ? "" : Names.NameOr(code);

    public string Api(string tail = "") => $"/api/meetings/{Meeting.Id}{tail}";
}
