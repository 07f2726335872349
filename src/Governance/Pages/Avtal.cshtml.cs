using Governance.Agreement;
using Governance.Meetings;
using Governance.Offices;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Pages;

/// <summary>
/// The cooperation agreement: parties and their status, notices with their dates, amendments, agreed rules; the
/// secretary's forms.
/// </summary>
[Authorize]
public sealed class AvtalModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public AgreementState? State { get; private set; }
    public DateOnly Today => clock.Today();

    [BindProperty(SupportsGet = true, Name = "per")]
    public DateOnly? AsOf { get; set; }

    /// <summary>Forms only on today's state: a past date is for reading how things stood.</summary>
    public bool ShowsToday => AsOf is null || AsOf == Today;
    public bool IsSecretary => User.IsInRole(Roles.Secretary) && ShowsToday;
    public bool IsChair => User.IsInRole(Roles.Chair) && ShowsToday;
    public IEnumerable<PartyState> Members => State?.Parties.Where(p => p.Status != PartyStatus.Withdrawn) ?? [];

    /// <summary>§10: decisions of the committee's meetings up to today, latest first: one dissolves it.</summary>
    public IReadOnlyList<(Meeting Meeting, AgendaItem Item)> DissolutionDecisions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        State = await GetAgreementStateEndpoint.Get(AsOf, session, clock, ct);
        if (!IsSecretary || State is not { Status: not AgreementStatus.Dissolved })
            return;
        var today = Today;
        var meetings = await session
            .Query<Meeting>()
            .Where(m => m.Body == Body.Committee && m.Date <= today && m.Status != MeetingStatus.Cancelled)
            .OrderByDescending(m => m.Date)
            .Take(6)
            .WithValuesRead()
            .ToListAsync(ct);
        DissolutionDecisions =
        [
            .. meetings.SelectMany(m =>
                m.Agenda.Where(i => i.Outcome?.Kind == OutcomeKind.Decided).OrderBy(i => i.Number).Select(i => (m, i))
            ),
        ];
    }
}
