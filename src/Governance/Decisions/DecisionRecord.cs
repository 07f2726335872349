using Governance.Agreement;
using Governance.Decisions.Swedish;
using Governance.Meetings;
using Governance.Offices;

namespace Governance.Decisions;

/// <summary>One outcome in the decision history: every item decided, not decided or tabled, at any meeting.</summary>
public sealed class DecisionRecord
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public DateOnly MeetingDate { get; set; }
    public int Year { get; set; }
    public Body Body { get; set; }
    public MeetingKind MeetingKind { get; set; }
    public int ItemNumber { get; set; }
    public string ItemTitle { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? RaisedByMunicipalityCode { get; set; }
    public OutcomeKind Outcome { get; set; }
    public string Text { get; set; } = "";
    public DecisionRule? Rule { get; set; }
    public List<string> Objectors { get; set; } = [];
    public bool Corrected { get; set; }

    /// <summary>
    /// What the search matches: the Swedish lemmas and compound parts of the title, the wording and the kind.
    /// </summary>
    public string Lexemes { get; set; } = "";

    public static DecisionRecord From(
        Guid itemId,
        Guid meetingId,
        OutcomeContext c,
        OutcomeKind outcome,
        string text,
        DecisionRule? rule,
        IEnumerable<string> objectors,
        SwedishLemmas lemmas
    ) =>
        new DecisionRecord
        {
            Id = itemId,
            MeetingId = meetingId,
            MeetingDate = c.MeetingDate,
            Year = c.MeetingDate.Year,
            Body = c.Body,
            MeetingKind = c.MeetingKind,
            ItemNumber = c.ItemNumber,
            ItemTitle = c.ItemTitle,
            Kind = c.MatterKind,
            RaisedByMunicipalityCode = c.RaisedByMunicipalityCode,
            Outcome = outcome,
            Text = text,
            Rule = rule,
            Objectors = [.. objectors],
        }.Indexed(lemmas);

    public DecisionRecord Indexed(SwedishLemmas lemmas)
    {
        Lexemes = lemmas.IndexText(ItemTitle, Text, Kind);
        return this;
    }
}
