using Governance.Meetings;
using Governance.Minutes;
using JasperFx.Events;
using Marten.Events.Projections;
using Marten.Patching;

namespace Governance.Decisions;

/// <summary>
/// Builds the decision history from the meetings' outcome events, inline with each write. It never reads documents:
/// an approval or a correction is written as a patch that runs after the outcome's own write in the same batch, so a
/// rebuild from the events (`projections rebuild`), where both come in one batch, gives the same history.
/// </summary>
public partial class DecisionHistoryProjection : EventProjection
{
    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case DecisionRecorded d:
                operations.Store(DecisionRecord.From(d.ItemId, d.MeetingId, d.Context, OutcomeKind.Decided, d.Wording, d.Rule, []));
                break;
            case DecisionNotReached n:
                operations.Store(DecisionRecord.From(n.ItemId, n.MeetingId, n.Context, OutcomeKind.NotDecided, n.ProposedWording, n.Rule, n.Objectors));
                break;
            case ItemTabled t:
                operations.Store(DecisionRecord.From(t.ItemId, t.MeetingId, t.Context, OutcomeKind.Tabled, t.Reason, null, []));
                break;
            case MinutesApproved approved:
                operations.Patch<DecisionRecord>(r => r.MeetingId == approved.MeetingId).Set(r => r.Approved, true);
                break;
            case MinutesCorrected { Target: CorrectionTarget.DecisionWording, ItemId: { } itemId } c:
                operations.Patch<DecisionRecord>(itemId).Set(r => r.Text, c.NewText).Set(r => r.Corrected, true);
                break;
        }
        return ValueTask.CompletedTask;
    }
}
