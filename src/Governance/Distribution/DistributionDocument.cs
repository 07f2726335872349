namespace Governance.Distribution;

public sealed record DocumentAttachment(string Title, string FileName, string ContentType, string Sha256);

/// <summary>
/// A document as it was sent: the body and the attached files' checksums, kept so a resend sends the same.
/// </summary>
public sealed class DistributionDocument
{
    public string Id { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string Html { get; set; } = "";
    public Guid? MeetingId { get; set; }
    public List<DocumentAttachment> Attachments { get; set; } = [];
    public List<string> Recipients { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Called by Marten when it maps the document: what a page of the distribution lists is kept in columns of its
    /// own (unindexed), so listing documents never unpacks their bodies (the whole minutes, as sent).
    /// </summary>
    public static void ConfigureMarten(Marten.Schema.DocumentMapping mapping)
    {
        mapping.DuplicateField(nameof(Kind));
        mapping.DuplicateField(nameof(Title));
        mapping.DuplicateField(nameof(MeetingId));
    }
}

public static class DocumentKinds
{
    public const string Minutes = "minutes";
    public const string MinutesCorrection = "minutes-correction";
    public const string TerminationNotice = "termination-notice";
    public const string MeetingNotice = "meeting-notice";
    public const string PlanProposal = "plan-proposal";

    public static string Label(string kind) =>
        kind switch
        {
            Minutes => "Minnesanteckningar",
            MinutesCorrection => "Rättelse av minnesanteckningar",
            TerminationNotice => "Uppsägning av samarbetsavtalet",
            MeetingNotice => "Kallelse",
            PlanProposal => "Förslag till verksamhetsplan och budget",
            _ => kind,
        };
}
