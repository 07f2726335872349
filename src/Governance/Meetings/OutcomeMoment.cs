using Governance.Agreement;

namespace Governance.Meetings;

/// <summary>What recording an item's outcome is decided against: the item, the members that day and the quorum at the moment.</summary>
public sealed record OutcomeMoment(AgendaItem Item, MembersOnDate Members, QuorumSnapshot Quorum)
{
    public static async Task<(OutcomeMoment?, ProblemDetails?)> LoadAsync(Meeting meeting, Guid itemId, TimeOnly at, IQuerySession session, CancellationToken ct)
    {
        if (meeting.Item(itemId) is not { } item) return (null, Problems.NotFound($"Ärendet {itemId} finns inte på dagordningen."));
        var members = await MembersOnDate.LoadAsync(session, meeting.Date, ct);
        var moment = new OutcomeMoment(item, members, Governance.Meetings.Quorum.At(meeting, members.Codes, at));
        return (moment, MeetingRules.CanRecordOutcome(meeting, item, moment.Quorum)?.ToProblem());
    }
}
