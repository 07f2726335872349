using Governance.Decisions.Swedish;
using Governance.Meetings;
using Governance.Minutes;
using Marten.Events.Projections;

namespace Governance.Decisions;

/// <summary>
/// The decision history, one record per outcome, inline with each write. A function of the events alone: each outcome
/// event carries its context, a correction of a wording names its item, and whether the minutes are approved is read
/// from the meeting when searching — so a rebuild reproduces every record exactly.
/// </summary>
public partial class DecisionHistoryProjection : MultiStreamProjection<DecisionRecord, Guid>
{
    private readonly SwedishLemmas _lemmas;

    public DecisionHistoryProjection(SwedishLemmas lemmas)
    {
        _lemmas = lemmas;
        Identity<DecisionRecorded>(e => e.ItemId);
        Identity<DecisionNotReached>(e => e.ItemId);
        Identity<ItemTabled>(e => e.ItemId);
        Identities<MinutesCorrected>(e =>
            e is { Target: CorrectionTarget.DecisionWording, ItemId: { } id } ? [id] : []
        );
    }

    public DecisionRecord Create(DecisionRecorded d) =>
        DecisionRecord.From(d.ItemId, d.MeetingId, d.Context, OutcomeKind.Decided, d.Wording, d.Rule, [], _lemmas);

    public DecisionRecord Create(DecisionNotReached n) =>
        DecisionRecord.From(
            n.ItemId,
            n.MeetingId,
            n.Context,
            OutcomeKind.NotDecided,
            n.ProposedWording,
            n.Rule,
            n.Objectors,
            _lemmas
        );

    public DecisionRecord Create(ItemTabled t) =>
        DecisionRecord.From(t.ItemId, t.MeetingId, t.Context, OutcomeKind.Tabled, t.Reason, null, [], _lemmas);

    public void Apply(MinutesCorrected corrected, DecisionRecord record)
    {
        record.Text = corrected.NewText;
        record.Corrected = true;
        record.Indexed(_lemmas);
    }
}
