using Governance.Agreement;

namespace Governance.Meetings;

/// <summary>
/// What recording an item's outcome is decided against: the item, the members that day and the quorum at the moment.
/// </summary>
public sealed record OutcomeMoment(AgendaItem? Item, MembersOnDate Members, QuorumSnapshot Quorum)
{
    public static async Task<OutcomeMoment> LoadAsync(
        Meeting meeting,
        Guid itemId,
        TimeOnly at,
        IQuerySession session,
        CancellationToken ct
    )
    {
        var members = await MembersOnDate.CodesAsync(session, meeting.Date, ct);
        return new OutcomeMoment(
            meeting.Item(itemId),
            members,
            Governance.Meetings.Quorum.At(meeting, members.Codes, at)
        );
    }

    /// <summary>Why no outcome may be recorded now (unknown item, closed, its day not come, no quorum).</summary>
    public RuleViolation? Refusal(Meeting meeting, Guid itemId, DateOnly today) =>
        Item is null
            ? RuleViolation.Missing($"Ärendet {itemId} finns inte på dagordningen.")
            : MeetingRules.IsBeingHeld(meeting, today) ?? MeetingRules.CanRecordOutcome(meeting, Item, Quorum);
}

/// <summary>
/// An outcome decided once, when the moment is loaded: the event to append, or the rule that refuses it.
/// </summary>
public sealed record OutcomeDecision(object? Event, RuleViolation? Refusal)
{
    public ProblemDetails Problem => Refusal.OrContinue();
}
