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
        // The agreement, the register and, for the secretary, the latest committee meetings in one round trip.
        var batch = session.CreateBatchQuery();
        var shared = batch.SharedReads();
        var latest = IsSecretary
            ? batch.Query<Meeting>(LatestCommittee, nameof(Body.Committee), Today, nameof(MeetingStatus.Cancelled))
            : null;
        await batch.Execute(ct);
        await shared;
        State = await GetAgreementStateEndpoint.Get(AsOf, session, clock, ct);
        if (latest is null || State is not { Status: not AgreementStatus.Dissolved })
            return;
        var meetings = await latest;
        DissolutionDecisions =
        [
            .. meetings.SelectMany(m =>
                m.Agenda.Where(i => i.Outcome?.Kind == OutcomeKind.Decided).OrderBy(i => i.Number).Select(i => (m, i))
            ),
        ];
    }

    /// <summary>The latest six committee meetings up to a day, not cancelled, along the body-and-date index.</summary>
    private const string LatestCommittee =
        $"select data from {MeetingHeaders.Table} where (data ->> 'Body') = ? and date <= ? "
        + "and (data ->> 'Status') <> ? order by date desc limit 6";
}
