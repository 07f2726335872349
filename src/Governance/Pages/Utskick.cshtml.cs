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

    public const int PageSize = GetDistributionStatusEndpoint.DefaultPageSize;

    public async Task OnGetAsync([FromQuery(Name = "sida")] int? page, CancellationToken ct) =>
        Status = await GetDistributionStatusEndpoint.Get(null, page, PageSize, session, ct);

    // Asked of every row (up to 80): the roles are looked up in the claims once a page.
    private bool? _secretary;
    private bool? _registry;
    private bool Secretary => _secretary ??= User.IsInRole(Roles.Secretary);
    private bool Registry => _registry ??= User.IsInRole(Roles.Registry);

    public bool MayAcknowledge(DeliveryState delivery) =>
        (Registry || Secretary)
        && (Secretary || User.MayActFor(delivery.MunicipalityCode))
        && DeliveryRules.Acknowledgeable(delivery.Status);

    public bool MayResend(DeliveryState delivery) => Secretary && DeliveryRules.Resendable(delivery.Status);
}
