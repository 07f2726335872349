using Governance.Agreement;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Pages;

/// <summary>
/// The agreement as it reads on a date (today by default): the consolidated text, amended clauses marked with the
/// decision that changed them and their earlier wordings. Public: the agreement is a public document.
/// </summary>
[AllowAnonymous]
public sealed class AvtalLydelseModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public AgreementTextOnDate? Text { get; private set; }

    /// <summary>A date was asked for that could not be read: today's text is shown, and the page says so.</summary>
    public bool UnreadableDate { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "datum")] DateOnly? on, CancellationToken ct)
    {
        UnreadableDate = !ModelState.IsValid;
        Text = await GetAgreementTextEndpoint.Get(on, session, clock, ct);
    }

    public static string Date(DateOnly date) => Dates.Iso(date);
}
