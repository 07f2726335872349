using Governance.Meetings;

namespace Governance.Tests.Meetings;

public sealed class DocumentListingTests
{
    private static DocumentAttached Attached(Guid meeting, string sha256) =>
        new(meeting, Guid.NewGuid(), Guid.NewGuid(), "Bilaga", "b.pdf", "application/pdf", 1, sha256, "x", default);

    [Fact]
    public void a_document_lists_each_meeting_whose_agenda_it_was_attached_to_once()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var projection = new DocumentListingProjection();

        var listing = projection.Create(Attached(first, "abc123"));
        projection.Apply(Attached(first, "abc123"), listing); // to a second item of the same meeting
        projection.Apply(Attached(second, "abc123"), listing);

        Assert.Equal("abc123", listing.Id);
        Assert.Equal([first, second], listing.MeetingIds);
    }
}
