using Governance.Agreement;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Pages;

/// <summary>The cooperation agreement: parties and their status, notices with their dates, amendments, agreed rules; the secretary's forms.</summary>
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

    public async Task OnGetAsync(CancellationToken ct) => State = await GetAgreementStateEndpoint.Get(AsOf, session, clock, ct);
}
