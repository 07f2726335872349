using Governance.Fees;
using Governance.Municipalities;
using Governance.Projects;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Pages;

/// <summary>
/// The year's fee schedule (§8), the invoices issued by the secretariat, payments and what is overdue.
/// </summary>
[Authorize]
public sealed class AvgifterModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }
    public FeeScheduleView Schedule { get; private set; } = null!;
    public IReadOnlyList<SpecialProject> Projects { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public DateOnly Today => clock.Today();
    public bool IsSecretary => User.IsInRole(Roles.Secretary);

    public async Task OnGetAsync([FromQuery(Name = "ar")] int? year, CancellationToken ct)
    {
        Year = Dates.YearOrCurrent(year, clock);
        Schedule = await GetFeeScheduleEndpoint.Get(Year, session, clock, ct);
        Projects = await GetSpecialProjectsEndpoint.Get(session, ct);
        Names = await MunicipalityNames.LoadAsync(session, ct);
    }
}
