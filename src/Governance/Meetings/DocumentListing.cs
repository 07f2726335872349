using Marten.Events.Projections;

namespace Governance.Meetings;

/// <summary>
/// Which meetings' agendas list a stored document (by its SHA-256), so that whether the public may see it is decided
/// from those meetings alone, found by their ids, however many meetings the archive holds. A document is never taken
/// off an agenda, so the list only grows.
/// </summary>
public sealed class DocumentListing
{
    public string Id { get; set; } = "";
    public List<Guid> MeetingIds { get; set; } = [];

    /// <summary>SQL giving the ids of the meetings listing a document (parameter: its lower-case checksum).</summary>
    public const string MeetingIdsSql =
        "select (jsonb_array_elements_text(data -> 'MeetingIds'))::uuid from governance.mt_doc_documentlisting "
        + "where id = ?";
}

/// <summary>The listings, inline with each attachment; a function of the events alone.</summary>
public partial class DocumentListingProjection : MultiStreamProjection<DocumentListing, string>
{
    public DocumentListingProjection() => Identity<DocumentAttached>(e => e.Sha256);

    public DocumentListing Create(DocumentAttached e) => new() { Id = e.Sha256, MeetingIds = [e.MeetingId] };

    public void Apply(DocumentAttached e, DocumentListing listing)
    {
        if (!listing.MeetingIds.Contains(e.MeetingId))
            listing.MeetingIds.Add(e.MeetingId);
    }
}
