using Governance.Meetings;

namespace Governance.Minutes;

/// <summary>§3: decisions are documented in the minutes; once approved they change only by a correction.</summary>
public static class MinutesRules
{
    public static RuleViolation? CanWrite(Meeting meeting, Guid? itemId)
    {
        if (meeting.Status == MeetingStatus.Cancelled)
            return new(MeetingRules.Cancelled, "Ett inställt sammanträde har inga minnesanteckningar.");
        if (meeting.Approval is not null)
            return new(
                MeetingRules.Minutes,
                "Minnesanteckningarna är justerade: ändra dem genom en rättelse som säger vad och varför."
            );
        return itemId is { } id && meeting.Item(id) is null
            ? RuleViolation.Missing($"Ärendet {id} finns inte på dagordningen.")
            : null;
    }

    public static RuleViolation? CanCorrect(Meeting meeting, Guid? itemId, CorrectionTarget target)
    {
        if (meeting.Approval is null)
            return new(
                MeetingRules.Minutes,
                "Minnesanteckningarna är inte justerade än: skriv i utkastet i stället för att rätta."
            );
        if (itemId is { } id && meeting.Item(id) is null)
            return RuleViolation.Missing($"Ärendet {id} finns inte på dagordningen.");
        if (
            target == CorrectionTarget.DecisionWording
            && (itemId is null || meeting.Item(itemId.Value)!.Outcome?.Kind != OutcomeKind.Decided)
        )
            return new(MeetingRules.Minutes, "Endast ett fattat besluts lydelse kan rättas.");
        return null;
    }
}
