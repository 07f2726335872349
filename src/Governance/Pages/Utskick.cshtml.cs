using Governance.Distribution;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Pages;

/// <summary>
/// Where each document stands with each municipality's registry; resending and acknowledging from here.
/// </summary>
[Authorize]
public sealed class UtskickModel(IQuerySession session) : PageModel
{
    public DistributionStatus Status { get; private set; } = null!;

    public const int PageSize = 20;

    public async Task OnGetAsync([FromQuery(Name = "sida")] int? page, CancellationToken ct) =>
        Status = await GetDistributionStatusEndpoint.Get(null, page, PageSize, session, ct);

    public bool MayAcknowledge(DeliveryState delivery) =>
        (User.IsInRole(Roles.Registry) || User.IsInRole(Roles.Secretary))
        && User.MayActFor(delivery.MunicipalityCode)
        && DeliveryRules.Acknowledgeable(delivery.Status);

    public bool MayResend(DeliveryState delivery) =>
        User.IsInRole(Roles.Secretary) && DeliveryRules.Resendable(delivery.Status);
}
