using Governance.Infrastructure.Swedish;
using Governance.Meetings;
using Governance.Offices;

namespace Governance.Agreement;

/// <summary>
/// §10: the committee dissolves itself by a decision at one of its own meetings. The dissolution is dated by that
/// meeting, which has been held (it is not in the future), and nothing recorded may have happened after it: a meeting
/// held later, a notice received later, a payment made later would say the committee went on. Meetings merely planned
/// after it are not acts: they are shown as cancelled by the dissolution (<see cref="MeetingsAfterDissolution"/>).
/// </summary>
public static class DissolutionRules
{
    public static RuleViolation? CanDissolve(
        CooperationAgreement agreement,
        Meeting? meeting,
        Guid itemId,
        DateOnly today,
        LaterRecords later,
        Func<string, string> nameOf
    )
    {
        if (AgreementRules.NotDissolved(agreement) is { } dissolved)
            return dissolved;
        if (meeting is null)
            return RuleViolation.Missing("Sammanträdet där upplösningen beslutades finns inte.");
        var on = meeting.Date;
        if (meeting.Item(itemId) is not { } item)
            return RuleViolation.Missing($"Ärendet {itemId} finns inte vid sammanträdet {Dates.Iso(on)}.");
        if (meeting.Body != Body.Committee)
            return Refused("Kommittén upplöses genom beslut av kommittén, inte av ledningsgruppen.");
        if (item.Outcome?.Kind != OutcomeKind.Decided)
            return Refused($"Ärende {item.Number} vid sammanträdet {Dates.Iso(on)} har inget fattat beslut.");
        if (on > today)
            return Refused($"Sammanträdet {Dates.Iso(on)} har inte hållits än; i dag är det {Dates.Iso(today)}.");
        if (agreement.MembersOn(on).Count == 0)
            return Refused($"Avtalet gäller inte den {Dates.Iso(on)}; det finns ingen kommitté att upplösa.");
        var acts = ActsAfter(on, agreement, later, meeting.Id, nameOf);
        return acts.Count == 0
            ? null
            : Refused(
                $"Upplösningen beslutades {Dates.Iso(on)}, men senare än så har registrerats: "
                    + $"{string.Join("; ", acts)}."
            );
    }

    private static RuleViolation Refused(string message) => new(AgreementRules.Dissolution, message);

    /// <summary>Each recorded act dated after the day, named with its date; the deciding meeting excepted.</summary>
    public static IReadOnlyList<string> ActsAfter(
        DateOnly day,
        CooperationAgreement agreement,
        LaterRecords later,
        Guid decidingMeeting,
        Func<string, string> nameOf
    )
    {
        var acts = new List<(DateOnly On, string What)>();
        foreach (var m in later.Meetings.Where(m => m.Id != decidingMeeting && m.Date > day && WasHeld(m)))
            acts.Add((m.Date, $"{Labels.Of(m.Kind).ToLowerInvariant()} ({Labels.Of(m.Body)}) hölls"));
        foreach (var n in agreement.Notices)
        {
            if (n.ReceivedOn > day)
                acts.Add((n.ReceivedOn, $"uppsägning från {nameOf(n.MunicipalityCode)} mottogs"));
            foreach (var i in n.Informed.Where(i => i.InformedOn > day))
                acts.Add(
                    (
                        i.InformedOn,
                        $"{nameOf(i.MunicipalityCode)} underrättades om uppsägningen från {nameOf(n.MunicipalityCode)}"
                    )
                );
        }
        acts.AddRange(
            agreement
                .Amendments.Where(a => a.AdoptedOn > day)
                .Select(a => (a.AdoptedOn, $"ändring av {a.Clause} antogs"))
        );
        acts.AddRange(
            agreement
                .DecisionRules.Where(r => r.AgreedOn > day)
                .Select(r => (r.AgreedOn, $"beslutsordning för {r.MatterKind} överenskoms"))
        );
        if (later.Ledger is { } ledger)
            acts.AddRange(
                ledger.Rules.Where(r => r.DecidedOn > day).Select(r => (r.DecidedOn, "avgiftsregel beslutades"))
            );
        acts.AddRange(
            later
                .FeeYears.SelectMany(y => y.Payments)
                .Where(p => p.PaidOn > day)
                .Select(p => (p.PaidOn, $"betalning från {nameOf(p.MunicipalityCode)}"))
        );
        foreach (var plan in later.Plans)
        {
            acts.AddRange(
                plan.ProposalSent.Where(p => p.SentOn > day)
                    .Select(p =>
                        (
                            p.SentOn,
                            $"förslag till verksamhetsplan {plan.Year} skickades till {nameOf(p.MunicipalityCode)}"
                        )
                    )
            );
            acts.AddRange(
                plan.Responses.Where(r => r.RespondedOn > day)
                    .Select(r =>
                        (
                            r.RespondedOn,
                            $"{nameOf(r.MunicipalityCode)} svarade på förslaget till verksamhetsplan {plan.Year}"
                        )
                    )
            );
        }
        acts.AddRange(
            later
                .Projects.Where(p => p.DecidedOn > day)
                .Select(p => (p.DecidedOn, $"särskilt projekt {p.Name} beslutades"))
        );
        return [.. acts.OrderBy(a => a.On).Select(a => $"{Dates.Iso(a.On)} {a.What}")];
    }

    /// <summary>Something was recorded at the meeting: attendance, an outcome, or its closing.</summary>
    public static bool WasHeld(Meeting meeting) =>
        meeting.Status == MeetingStatus.Closed
        || meeting.Attendance.Count > 0
        || meeting.Agenda.Any(i => i.Outcome is not null);
}
