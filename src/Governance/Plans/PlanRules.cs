using Governance.Meetings;
using Governance.Offices;

namespace Governance.Plans;

/// <summary>
/// §4: the committee adopts a yearly plan and budget after sending the proposals to every member municipality.
/// </summary>
public static class PlanRules
{
    public const string Plan = "§4 verksamhetsplan och budget";

    public static RuleViolation? IsDraft(ActivityPlan plan) =>
        plan.Adoption is { } a
            ? new(
                Plan,
                $"Verksamhetsplanen för {plan.Year} fastställdes {a.AdoptedOn:yyyy-MM-dd}; "
                    + "den ändras bara genom beslut om ändring."
            )
            : null;

    public static RuleViolation? CanSend(
        ActivityPlan plan,
        IReadOnlyCollection<string> codes,
        IReadOnlyCollection<string> members,
        DateOnly sentOn
    )
    {
        if (IsDraft(plan) is { } adopted)
            return adopted;
        var outsiders = codes.Except(members).ToList();
        return outsiders.Count > 0
            ? new(
                Plan,
                "Förslaget skickas till medlemskommunerna; "
                    + $"inte medlemmar den {sentOn:yyyy-MM-dd}: {string.Join(", ", outsiders)}."
            )
            : null;
    }

    /// <summary>A response comes from a municipality sent the proposal, on or after the day it was sent.</summary>
    public static RuleViolation? CanRecordResponse(ActivityPlan plan, string code, DateOnly respondedOn)
    {
        var sent = plan.ProposalSent.Where(p => p.MunicipalityCode == code).Select(p => p.SentOn).Order().ToList();
        if (sent.Count == 0)
            return new(Plan, $"Förslaget har inte skickats till {code}.");
        return respondedOn >= sent[0]
            ? null
            : new(
                Plan,
                $"Förslaget skickades till {code} {Dates.Iso(sent[0])}; ett svar kan inte ha kommit "
                    + $"dessförinnan ({Dates.Iso(respondedOn)})."
            );
    }

    /// <summary>
    /// The plan is adopted by a decision at a committee meeting, and only when every member that day had been sent the
    /// proposal by then (sent on the meeting's day at the latest).
    /// </summary>
    public static RuleViolation? CanAdopt(
        ActivityPlan plan,
        Meeting? meeting,
        Guid itemId,
        IReadOnlyCollection<string> membersOnMeetingDay,
        Func<string, string> name
    )
    {
        if (IsDraft(plan) is { } adopted)
            return adopted;
        if (DecisionAt(meeting, itemId) is { } notDecided)
            return notDecided;
        var notSent = membersOnMeetingDay.Where(code => !plan.WasSentCurrentRevisionTo(code, meeting!.Date)).ToList();
        return notSent.Count > 0
            ? new(
                Plan,
                $"Förslaget till verksamhetsplan och budget (revision {plan.Revision}) hade inte "
                    + $"skickats till {string.Join(", ", notSent.Select(name))} den {Dates.Iso(meeting!.Date)}; "
                    + "det ska ha "
                    + "gått till varje medlemskommun innan planen fastställs."
            )
            : null;
    }

    /// <summary>An adopted plan is amended by a later decision: at a meeting on or after the adoption's day.</summary>
    public static RuleViolation? CanAmend(ActivityPlan plan, Meeting? meeting, Guid itemId)
    {
        if (plan.Adoption is not { } adoption)
            return new(Plan, $"Verksamhetsplanen för {plan.Year} är inte fastställd: revidera utkastet i stället.");
        if (DecisionAt(meeting, itemId) is { } notDecided)
            return notDecided;
        return meeting!.Date >= adoption.AdoptedOn
            ? null
            : new(
                Plan,
                $"Verksamhetsplanen för {plan.Year} fastställdes {Dates.Iso(adoption.AdoptedOn)}; "
                    + $"sammanträdet {Dates.Iso(meeting.Date)} var före dess och kan inte ha ändrat den."
            );
    }

    public static RuleViolation? CanReport(ActivityPlan plan, Guid activityId)
    {
        if (plan.Adoption is null)
            return new(Plan, "Handlingsplanen följs upp när verksamhetsplanen är fastställd.");
        return plan.Content.Activities.Any(a => a.ActivityId == activityId)
            ? null
            : RuleViolation.Missing($"Handlingsplanen har ingen aktivitet med id {activityId}.");
    }

    private static RuleViolation? DecisionAt(Meeting? meeting, Guid itemId)
    {
        if (meeting is null)
            return RuleViolation.Missing("Sammanträdet finns inte.");
        if (meeting.Item(itemId) is null)
            return RuleViolation.Missing($"Ärendet {itemId} finns inte vid sammanträdet {meeting.Date:yyyy-MM-dd}.");
        if (meeting.Body != Body.Committee)
            return new(Plan, "Planen fastställs av samarbetskommittén, inte av ledningsgruppen.");
        return meeting.Item(itemId)?.Outcome is { Kind: OutcomeKind.Decided }
            ? null
            : new(Plan, $"Ärendet {itemId} vid sammanträdet {meeting.Date:yyyy-MM-dd} har inget fattat beslut.");
    }
}
