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

    /// <summary>Whether the agreement applied on the date, in a sentence.</summary>
    public static string StatusOf(AgreementTextOnDate t) =>
        t.Status switch
        {
            AgreementStatus.NotYetInForce =>
                $"Avtalet gäller från {Date(t.InForceFrom)} och gällde ännu inte den dagen; "
                    + "texten är den avtalet började gälla med.",
            AgreementStatus.Dissolved =>
                $"Kommittén upplöstes {Date(t.DissolvedOn!.Value)} och avtalet upphörde då att "
                    + "gälla; texten är dess sista lydelse.",
            _ => "Ändrade paragrafer anger beslutet som gav dem deras lydelse, och deras tidigare lydelser.",
        };

    public static string Amended(ClauseDecision by) =>
        $"Lydelse enligt beslut {by.DecisionReference}, antaget "
        + $"{Date(by.AdoptedOn)}, gäller från {Date(by.TakesEffectOn)}.";

    /// <summary>Where an earlier wording came from and when it applied; its heading when it differed.</summary>
    public static string Earlier(EarlierWording w, ClauseInForce clause)
    {
        var source = w.DecidedBy is { } d
            ? $"Enligt beslut {d.DecisionReference}, antaget {Date(d.AdoptedOn)}"
            : "Lydelse när avtalet tecknades";
        var heading = w.Heading is not null && w.Heading != clause.Heading ? $", rubrik: {w.Heading}" : "";
        return $"{source}, gällde {Date(w.From)}–{Date(w.Until)}{heading}.";
    }
}
