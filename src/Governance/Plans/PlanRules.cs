using Governance.Meetings;
using Governance.Offices;

namespace Governance.Plans;

/// <summary>§4: the committee adopts a yearly plan and budget after sending the proposals to every member municipality.</summary>
public static class PlanRules
{
    public const string Plan = "§4 verksamhetsplan och budget";

    public static RuleViolation? IsDraft(ActivityPlan plan) => plan.Adoption is { } a
        ? new(Plan, $"Verksamhetsplanen för {plan.Year} fastställdes {a.AdoptedOn:yyyy-MM-dd}; den ändras bara genom beslut om ändring.")
        : null;

    public static RuleViolation? CanSend(ActivityPlan plan, IReadOnlyCollection<string> codes, IReadOnlyCollection<string> members, DateOnly sentOn)
    {
        if (IsDraft(plan) is { } adopted) return adopted;
        var outsiders = codes.Except(members).ToList();
        return outsiders.Count > 0 ? new(Plan, $"Förslaget skickas till medlemskommunerna; inte medlemmar den {sentOn:yyyy-MM-dd}: {string.Join(", ", outsiders)}.") : null;
    }

    /// <summary>The plan is adopted by a decision at a committee meeting, and only when every member that day was sent the proposal.</summary>
    public static RuleViolation? CanAdopt(ActivityPlan plan, Meeting? meeting, Guid itemId, IReadOnlyCollection<string> membersOnMeetingDay, Func<string, string> name)
    {
        if (IsDraft(plan) is { } adopted) return adopted;
        if (DecisionAt(meeting, itemId) is { } notDecided) return notDecided;
        var notSent = membersOnMeetingDay.Where(code => !plan.WasSentCurrentRevisionTo(code)).ToList();
        return notSent.Count > 0
            ? new(Plan, $"Förslaget till verksamhetsplan och budget (revision {plan.Revision}) har inte skickats till {string.Join(", ", notSent.Select(name))}; det ska ha gått till varje medlemskommun innan planen fastställs.")
            : null;
    }

    public static RuleViolation? CanAmend(ActivityPlan plan, Meeting? meeting, Guid itemId) =>
        plan.Adoption is null ? new(Plan, $"Verksamhetsplanen för {plan.Year} är inte fastställd: revidera utkastet i stället.") : DecisionAt(meeting, itemId);

    public static RuleViolation? CanReport(ActivityPlan plan, Guid activityId)
    {
        if (plan.Adoption is null) return new(Plan, "Handlingsplanen följs upp när verksamhetsplanen är fastställd.");
        return plan.Content.Activities.Any(a => a.ActivityId == activityId) ? null : RuleViolation.Missing($"Handlingsplanen har ingen aktivitet med id {activityId}.");
    }

    private static RuleViolation? DecisionAt(Meeting? meeting, Guid itemId)
    {
        if (meeting is null) return RuleViolation.Missing("Sammanträdet finns inte.");
        if (meeting.Item(itemId) is null) return RuleViolation.Missing($"Ärendet {itemId} finns inte vid sammanträdet {meeting.Date:yyyy-MM-dd}.");
        if (meeting.Body != Body.Committee) return new(Plan, "Planen fastställs av samarbetskommittén, inte av ledningsgruppen.");
        return meeting.Item(itemId)?.Outcome is { Kind: OutcomeKind.Decided } ? null
            : new(Plan, $"Ärendet {itemId} vid sammanträdet {meeting.Date:yyyy-MM-dd} har inget fattat beslut.");
    }
}
