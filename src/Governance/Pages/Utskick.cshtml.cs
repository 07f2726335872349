using Governance.Distribution;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Pages;

/// <summary>Where each document stands with each municipality's registry; resending and acknowledging from here.</summary>
[Authorize]
public sealed class UtskickModel(IQuerySession session) : PageModel
{
    public DistributionStatus Status { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Status = await GetDistributionStatusEndpoint.Get(null, session, ct);

    public bool MayAcknowledge(DeliveryState delivery) =>
        (User.IsInRole(Roles.Registry) || User.IsInRole(Roles.Secretary)) && User.MayActFor(delivery.MunicipalityCode) &&
        DeliveryRules.Acknowledgeable(delivery.Status);

    public bool MayResend(DeliveryState delivery) => User.IsInRole(Roles.Secretary) && DeliveryRules.Resendable(delivery.Status);
}
