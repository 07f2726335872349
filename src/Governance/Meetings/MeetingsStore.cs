using JasperFx.Events.Projections;

namespace Governance.Meetings;

public static class MeetingsStore
{
    public static void ConfigureMeetings(this StoreOptions options)
    {
        options.Projections.Snapshot<Meeting>(SnapshotLifecycle.Inline);
        options
            .Schema.For<Meeting>()
            // The date in a column of its own, indexed: a list of meetings by date (a year, the calendar, the next
            // meetings) finds and sorts them without unpacking each document, which grows with its agenda and minutes.
            .Duplicate(m => m.Date)
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
        options.Storage.Add(new MeetingHeaderTable(options.DatabaseSchemaName));
        options.Projections.Snapshot<ExtraMeetingDemand>(SnapshotLifecycle.Inline);
        options.Schema.For<StoredDocument>();
        options.Projections.Add(new DocumentListingProjection(), ProjectionLifecycle.Inline);
    }
}
