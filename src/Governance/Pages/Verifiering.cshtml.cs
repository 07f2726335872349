using Governance.Records.Chain;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Pages;

/// <summary>The secretary checks the whole record against its hash chain and seal; nothing is written.</summary>
[Authorize(Roles = Roles.Secretary)]
public sealed class VerifieringModel(ChainVerifier verifier) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kontrollera")]
    public bool Run { get; set; }

    public ChainReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Run)
            Report = await verifier.VerifyAsync(ct);
    }
}
