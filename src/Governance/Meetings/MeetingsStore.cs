using JasperFx.Events.Projections;

namespace Governance.Meetings;

public static class MeetingsStore
{
    public static void ConfigureMeetings(this StoreOptions options)
    {
        options.Projections.Snapshot<Meeting>(SnapshotLifecycle.Inline);
        options
            .Schema.For<Meeting>()
            .Index(m => m.Date)
            // One body's latest meetings (the agreement page's recent decisions) walk this, newest first, and stop.
            .Index(m => new { m.Body, m.Date })
            .Index(
                m => m.Date,
                index =>
                {
                    index.Name = MeetingsAwaitingApproval.Index;
                    index.Predicate = MeetingsAwaitingApproval.Condition;
                }
            );
        options.Projections.Snapshot<ExtraMeetingDemand>(SnapshotLifecycle.Inline);
        options.Schema.For<StoredDocument>();
    }
}
