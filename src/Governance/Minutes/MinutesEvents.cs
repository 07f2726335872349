namespace Governance.Minutes;

public enum CorrectionTarget
{
    /// <summary>The secretary's text of an item (or of the whole minutes when no item is named).</summary>
    Text,

    /// <summary>The wording of an item's decision.</summary>
    DecisionWording,
}

// Minutes events live in the meeting's stream: the minutes are the meeting's record.

/// <summary>
/// The secretary's own text for an item (or, without an item, for the minutes as a whole) while in draft.
/// </summary>
public record MinutesTextWritten(Guid MeetingId, Guid? ItemId, string Text, string WrittenBy, DateTimeOffset WrittenAt);

/// <summary>§3: the chair approved (justerade) the minutes as they stood at that version.</summary>
public record MinutesApproved(Guid MeetingId, int MinutesVersion, string ApprovedBy, DateTimeOffset ApprovedAt);

/// <summary>
/// After approval the minutes change only by a correction that says what and why; it is shown with them.
/// </summary>
public record MinutesCorrected(
    Guid MeetingId,
    Guid? ItemId,
    CorrectionTarget Target,
    string NewText,
    string What,
    string Why,
    string CorrectedBy,
    DateTimeOffset CorrectedAt
);
