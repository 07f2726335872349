using System.Net;

namespace Governance.Scenarios;

/// <summary>§2 and §9: a party terminates the agreement, the chair informs the others, they amend it.</summary>
internal sealed class AgreementOfTheYear(ScenarioApi api, int year, CancellationToken ct)
{
    private const string Agreement = "/api/agreement";
    private static string Terminating => Cast.Terminating.Code;

    /// <summary>
    /// The notice reaches the chair on 15 June. The chair informs every other party two days later; where a mail server
    /// delivered the notice to a registry first, the service has already recorded that party as informed by it.
    /// </summary>
    public async Task TerminateAsync()
    {
        var received = new DateOnly(year, 6, 15);
        await api.PostAtCurrentVersionAsync(
            $"{Agreement}/termination-notices",
            Agreement,
            version => new
            {
                municipalityCode = Terminating,
                councilDecisionOn = Iso(received.AddDays(-29)),
                councilDecisionReference = $"KF {Iso(received.AddDays(-29))} §84",
                receivedOn = Iso(received),
                version,
            },
            ct
        );
        foreach (var party in Cast.Parties.Where(p => p.Code != Terminating))
        {
            if (await IsInformedAsync(party.Code))
                continue;
            try
            {
                var informedOn = Iso(received.AddDays(2));
                await api.PostAtCurrentVersionAsync(
                    $"{Agreement}/termination-notices/{Terminating}/informed",
                    Agreement,
                    version => new
                    {
                        informedMunicipalityCode = party.Code,
                        informedOn,
                        version,
                    },
                    ct,
                    "chair"
                );
            }
            catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.Conflict)
            {
                // A delivery may have got there between the check and the command: informed once, as the rule wants.
                if (!await IsInformedAsync(party.Code))
                    throw;
            }
        }
    }

    /// <summary>§9 the remaining parties adopt the amendment the withdrawal requires, as decided.</summary>
    public Task AmendAsync(DateOnly adoptedOn) =>
        api.PostAtCurrentVersionAsync(
            $"{Agreement}/amendments",
            Agreement,
            version => new
            {
                clause = "§8",
                newWording = "Från och med den dag Nykvarns kommun utträder fördelas avgiften mellan de kvarvarande "
                    + "parterna efter invånarantal den 31 december året före avgiftsåret.",
                adoptedOn = Iso(adoptedOn),
                decisionReference = $"Samarbetskommittén {Iso(adoptedOn)} §2",
                adoptedBy = Cast.Parties.Where(p => p.Code != Terminating).Select(p => p.Code),
                version,
            },
            ct
        );

    /// <summary>§4 a member asks the chair for an extra meeting (one request: five oblige the chair).</summary>
    public async Task RequestExtraMeetingAsync()
    {
        var version = (await api.GetAsync("/api/extra-meeting-requests", ct)).GetProperty("version").GetInt32();
        await api.PostAsync(
            "/api/extra-meeting-requests",
            new
            {
                municipalityCode = "0192",
                version,
                reason = "Nynäshamn begär ett extra sammanträde om trafikläget på väg 73 "
                    + "före nästa ordinarie sammanträde.",
            },
            ct,
            "member",
            "0192"
        );
    }

    private async Task<bool> IsInformedAsync(string code)
    {
        // As of the far future: an informing the service recorded from a delivery is dated the day it was sent.
        var state = await api.GetAsync($"{Agreement}?asOf=2199-12-31", ct);
        return state
            .GetProperty("parties")
            .EnumerateArray()
            .Single(p => p.GetProperty("code").GetString() == Terminating)
            .GetProperty("partiesToInform")
            .EnumerateArray()
            .Any(p => p.GetProperty("code").GetString() == code && p.GetProperty("informed").GetBoolean());
    }

    private static string Iso(DateOnly date) => MeetingRecorder.Iso(date);
}
