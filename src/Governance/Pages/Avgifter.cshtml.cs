using Governance.Fees;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Pages;

/// <summary>The year's fee schedule (§8), the invoices issued by the secretariat, payments and what is overdue.</summary>
[Authorize]
public sealed class AvgifterModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }
    public FeeScheduleView Schedule { get; private set; } = null!;
    public DateOnly Today => clock.Today();
    public bool IsSecretary => User.IsInRole(Roles.Secretary);

    public async Task OnGetAsync([FromQuery(Name = "ar")] int? year, CancellationToken ct)
    {
        Year = Dates.YearOrCurrent(year, clock);
        Schedule = await GetFeeScheduleEndpoint.Get(Year, session, clock, ct);
    }
}
