using Governance.Agreement;
using Governance.Municipalities;
using JasperFx.Events;
using Marten.Services.BatchQuerying;

namespace Governance.Meetings;

/// <summary>§4: a member asks the chair for an extra committee meeting.</summary>
public record RequestExtraMeeting(string MunicipalityCode, string Reason, int Version) : IForMunicipality
{
    public class Validator : AbstractValidator<RequestExtraMeeting>
    {
        public Validator()
        {
            RuleFor(x => x.MunicipalityCode)
                .Must(MunicipalityRules.IsMunicipalityCode)
                .WithMessage(MunicipalityRules.CodeMessage);
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000);
            RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        }
    }
}

public sealed record ExtraMeetingDemandState(
    IReadOnlyList<ExtraMeetingRequest> OpenRequests,
    IReadOnlyList<string> RequestingMembers,
    int MembersNeeded,
    bool ChairMustCall,
    IReadOnlyList<Guid> CalledMeetings,
    int Version
);

public static class RequestExtraMeetingEndpoint
{
    public static async Task<(IEventStream<ExtraMeetingDemand>, MembersOnDate)> LoadAsync(
        RequestExtraMeeting command,
        IDocumentSession session,
        TimeProvider clock,
        CancellationToken ct
    ) =>
        (
            await session.Events.FetchForWriting<ExtraMeetingDemand>(ExtraMeetingDemand.TheId, command.Version, ct),
            await MembersOnDate.LoadAsync(session, clock.Today(), ct)
        );

    public static ProblemDetails Validate(RequestExtraMeeting command, MembersOnDate members) =>
        members.Codes.Contains(command.MunicipalityCode)
            ? WolverineContinue.NoProblems
            : new RuleViolation(
                MeetingRules.ExtraMeeting,
                "Endast ledamöter kan begära extra sammanträde; "
                    + $"{command.MunicipalityCode} är inte medlem den {Dates.Iso(members.On)}."
            ).ToProblem();

    [Authorize(Roles = $"{Roles.Member},{Roles.Secretary}")]
    [WolverinePost("/api/extra-meeting-requests", OperationId = nameof(RequestExtraMeeting))]
    public static ExtraMeetingDemandState Post(
        RequestExtraMeeting command,
        IEventStream<ExtraMeetingDemand> demand,
        ClaimsPrincipal user,
        TimeProvider clock
    )
    {
        var requested = new ExtraMeetingRequested(
            ExtraMeetingDemand.TheId,
            Guid.CreateVersion7(),
            command.MunicipalityCode,
            command.Reason.Trim(),
            user.ActorName(),
            clock.GetUtcNow()
        );
        demand.AppendOne(requested);
        // The answer shows the demand with this request, on a copy: the fetched aggregate is left as read.
        var state = new ExtraMeetingDemand
        {
            Id = ExtraMeetingDemand.TheId,
            OpenRequests = [.. demand.Aggregate?.OpenRequests ?? []],
            CalledMeetings = [.. demand.Aggregate?.CalledMeetings ?? []],
            Version = (int)demand.CurrentVersion!.Value,
        };
        state.Apply(requested);
        return GetExtraMeetingRequestsEndpoint.StateOf(state);
    }
}

// Apart from the command's class: Wolverine applies a class's Load and Validate methods to every endpoint in it.
public static class GetExtraMeetingRequestsEndpoint
{
    public static ExtraMeetingDemandState StateOf(ExtraMeetingDemand d) =>
        new(
            d.OpenRequests,
            d.RequestingMembers,
            ExtraMeetingDemand.MembersNeeded,
            d.ChairMustCall,
            d.CalledMeetings,
            d.Version
        );

    /// <summary>The open requests for an extra committee meeting and whether the chair must now call one.</summary>
    [Authorize]
    [WolverineGet("/api/extra-meeting-requests", OperationId = "GetExtraMeetingRequests")]
    public static async Task<ExtraMeetingDemandState> Get(IQuerySession session, CancellationToken ct) =>
        StateOf(await session.LoadAsync<ExtraMeetingDemand>(ExtraMeetingDemand.TheId, ct) ?? None);

    /// <summary>The same, read in a batch of queries (the calendar page's).</summary>
    public static async Task<ExtraMeetingDemandState> Get(IBatchedQuery batch) =>
        StateOf(await batch.Load<ExtraMeetingDemand>(ExtraMeetingDemand.TheId) ?? None);

    /// <summary>Before the first request: nothing open.</summary>
    private static ExtraMeetingDemand None => new() { Id = ExtraMeetingDemand.TheId };
}
