using Governance.Meetings;
using Governance.Minutes;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Governance.Decisions;

/// <summary>Builds the decision history from the meetings' outcome events, inline with each write.</summary>
public partial class DecisionHistoryProjection : EventProjection
{
    public override async ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
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
                foreach (var decided in await operations.Query<DecisionRecord>().Where(r => r.MeetingId == approved.MeetingId).ToListAsync(cancellation))
                {
                    decided.Approved = true;
                    operations.Store(decided);
                }
                break;
            case MinutesCorrected { Target: CorrectionTarget.DecisionWording, ItemId: { } itemId } c:
                if (await operations.LoadAsync<DecisionRecord>(itemId, cancellation) is { } record)
                {
                    record.Text = c.NewText;
                    record.Corrected = true;
                    operations.Store(record.Indexed());
                }
                break;
        }
    }
}
