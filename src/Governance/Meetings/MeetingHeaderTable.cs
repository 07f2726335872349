using Governance.Infrastructure.Queries;

namespace Governance.Meetings;

/// <summary>
/// Each meeting's header (its document without what was recorded at it), kept beside the meetings as they are written.
/// Cut from the document when read, every meeting a list showed was fetched out of line and decompressed whole (22 kB
/// for a meeting of twenty items) to give 600 bytes: half of PostgreSQL's time for a year of meetings.
/// </summary>
public sealed class MeetingHeaderTable(string schema)
    : DerivedDocumentTable("MeetingHeaders", schema, TableName, "mt_doc_meeting")
{
    public const string TableName = "meeting_header";

    /// <summary>The parts of a meeting's document that grow with what was recorded at it.</summary>
    private static readonly string[] Recorded = ["Matters", "Agenda", "Attendance", "MinutesPreamble", "Corrections"];

    public override IEnumerable<Type> DependentTypes() => [typeof(Meeting)];

    protected override string Column => "header";

    protected override string ColumnType => "jsonb";

    protected override string Derived(string data) => $"{data} - '{{{string.Join(',', Recorded)}}}'::text[]";
}
