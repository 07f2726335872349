using Governance.Meetings;
using Governance.Offices;
using Governance.Plans;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Pages;

/// <summary>
/// The year's activity plan with the action plan's follow-up, the budget, and the proposal to the municipalities (§4).
/// </summary>
[AllowAnonymous]
public sealed class PlanModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }
    public PlanView? Plan { get; private set; }

    /// <summary>
    /// Committee decisions the plan could be adopted by: those of the year before and the year itself.
    /// </summary>
    public IReadOnlyList<(Meeting Meeting, AgendaItem Item)> AdoptionCandidates { get; private set; } = [];
    public DateOnly Today => clock.Today();

    public bool SignedIn => User.Identity?.IsAuthenticated == true;
    public bool IsSecretary => User.IsInRole(Roles.Secretary);
    public bool MayReportStatus =>
        User.IsInRole(Roles.Secretary) || User.IsInRole(Roles.Chair) || User.IsInRole(Roles.Member);

    public bool MayRecordResponse(string code) =>
        (User.IsInRole(Roles.Secretary) || User.IsInRole(Roles.Registry)) && User.MayActFor(code);

    public async Task OnGetAsync([FromQuery(Name = "ar")] int? year, CancellationToken ct)
    {
        Year = Dates.YearOrCurrent(year, clock);
        Plan = await GetPlanEndpoint.Get(Year, session, ct);
        if (Plan is { Adoption: null } && IsSecretary)
        {
            var (from, to) = (new DateOnly(Year - 1, 1, 1), new DateOnly(Year, 12, 31));
            var meetings = await session
                .Query<Meeting>()
                .Where(m => m.Body == Body.Committee && m.Date >= from && m.Date <= to)
                .WithValuesRead()
                .ToListAsync(ct);
            AdoptionCandidates =
            [
                .. meetings
                    .OrderBy(m => m.Date)
                    .SelectMany(m => m.Agenda.Where(i => i.Outcome?.Kind == OutcomeKind.Decided).Select(i => (m, i))),
            ];
        }
    }
}
