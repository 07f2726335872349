using Governance.Municipalities;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Pages;

/// <summary>The register of the parties: each municipality's member, director, population and how its registry receives documents.</summary>
[Authorize]
public sealed class KommunerModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public IReadOnlyList<MunicipalitySummary> Municipalities { get; private set; } = [];
    public IReadOnlyDictionary<Guid, MunicipalityDetails> Details { get; private set; } = new Dictionary<Guid, MunicipalityDetails>();
    public bool IsSecretary => User.IsInRole(Roles.Secretary);
    public DateOnly Today => clock.Today();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Municipalities = await GetMunicipalitiesEndpoint.Get(session, clock);
        Details = (await session.Query<Municipality>().ToListAsync(ct)).ToDictionary(m => m.Id, MunicipalityDetails.Of);
    }
}
