using Governance.Infrastructure.Ids;

namespace Governance.Meetings;

public record ExtraMeetingRequested(
    Guid DemandId,
    Guid RequestId,
    string MunicipalityCode,
    string Reason,
    string RequestedBy,
    DateTimeOffset RequestedAt
);

/// <summary>The chair called an extra meeting: the requests open until then are answered by it.</summary>
public record ExtraMeetingCalled(
    Guid DemandId,
    Guid MeetingId,
    IReadOnlyList<Guid> AnsweredRequests,
    string CalledBy,
    DateTimeOffset CalledAt
);

public sealed record ExtraMeetingRequest(
    Guid RequestId,
    string MunicipalityCode,
    string Reason,
    string RequestedBy,
    DateTimeOffset RequestedAt
);

/// <summary>§4: an extra committee meeting must be called when at least five members request it.</summary>
public sealed partial class ExtraMeetingDemand
{
    public const int MembersNeeded = 5;
    public static readonly Guid TheId = DeterministicGuid.For("extra-meeting-demand", "committee");

    public Guid Id { get; set; }
    public int Version { get; set; }
    public List<ExtraMeetingRequest> OpenRequests { get; set; } = [];
    public List<Guid> CalledMeetings { get; set; } = [];

    public static ExtraMeetingDemand Create(ExtraMeetingRequested e) =>
        new ExtraMeetingDemand { Id = e.DemandId }.With(e);

    public void Apply(ExtraMeetingRequested e) => With(e);

    public void Apply(ExtraMeetingCalled e)
    {
        OpenRequests = [.. OpenRequests.Where(r => !e.AnsweredRequests.Contains(r.RequestId))];
        CalledMeetings.Add(e.MeetingId);
    }

    /// <summary>Different members with a request open: one member asking twice counts once.</summary>
    public IReadOnlyList<string> RequestingMembers =>
        [.. OpenRequests.Select(r => r.MunicipalityCode).Distinct().Order(StringComparer.Ordinal)];

    public bool ChairMustCall => RequestingMembers.Count >= MembersNeeded;

    public static async Task AnswerOpenRequestsAsync(
        IDocumentSession session,
        Guid meetingId,
        string by,
        DateTimeOffset now,
        CancellationToken ct
    )
    {
        var demand = await session.Events.FetchForWriting<ExtraMeetingDemand>(TheId, ct);
        if (demand.Aggregate is not { OpenRequests.Count: > 0 } open)
            return;
        demand.AppendOne(
            new ExtraMeetingCalled(TheId, meetingId, [.. open.OpenRequests.Select(r => r.RequestId)], by, now)
        );
    }

    private ExtraMeetingDemand With(ExtraMeetingRequested e)
    {
        OpenRequests.Add(
            new ExtraMeetingRequest(e.RequestId, e.MunicipalityCode, e.Reason, e.RequestedBy, e.RequestedAt)
        );
        return this;
    }
}
