using Governance.Municipalities;
using Governance.Offices;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Pages;

/// <summary>
/// The register of the parties: each municipality's member, director, population and how its registry receives
/// documents.
/// </summary>
[Authorize]
public sealed class KommunerModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public IReadOnlyList<MunicipalitySummary> Municipalities { get; private set; } = [];
    public IReadOnlyDictionary<Guid, MunicipalityDetails> Details { get; private set; } =
        new Dictionary<Guid, MunicipalityDetails>();
    public bool IsSecretary => User.IsInRole(Roles.Secretary);
    public DateOnly Today => clock.Today();

    /// <summary>The term whose chair and vice chair are shown and appointed (§3: elected each year).</summary>
    public int Term { get; private set; }
    public OfficeHolders Offices { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "ar")]
    public int? RequestedTerm { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Municipalities = await GetMunicipalitiesEndpoint.Get(session, clock, ct);
        Details = (await session.MunicipalityRegisterAsync(ct)).ToDictionary(m => m.Id, MunicipalityDetails.Of);
        Term = Dates.YearOrCurrent(RequestedTerm, clock);
        Offices = await GetOfficeHoldersEndpoint.Get(
            Term == Today.Year ? Today : new DateOnly(Term, 1, 1),
            session,
            clock,
            ct
        );
    }
}
