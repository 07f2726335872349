using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Wolverine.Http.CodeGen;

namespace Governance.Agreement;

/// <summary>What a write may still do once the dissolution is recorded.</summary>
public enum AfterDissolutionAccess
{
    /// <summary>Nothing more is recorded: the register can only be read.</summary>
    Refused,

    /// <summary>Finishing a meeting's record: only for the meeting whose decision dissolved the committee.</summary>
    DissolvingMeetingOnly,

    /// <summary>Getting documents already sent to the registries and their receipts: always allowed.</summary>
    Open,
}

/// <summary>
/// §10: after the dissolution only the record of the meeting that decided it may be finished — closing it, writing
/// its minutes, approving and correcting them — and the minutes reach the municipalities (§3): deliveries are resent
/// and their receipts recorded. Any other meeting, held before or planned after, takes nothing more; every other write
/// is refused. Decided by the route (which kind of write) and the meeting id in it (which meeting).
/// </summary>
public static class AfterDissolution
{
    private static readonly string[] Distribution = ["/api/distribution", "/receipts"];
    private static readonly string[] MeetingRecord =
    [
        "/close",
        "/minutes/text",
        "/minutes/approval",
        "/minutes/corrections",
    ];

    public static AfterDissolutionAccess Of(string route)
    {
        if (Distribution.Any(p => route.StartsWith(p, StringComparison.Ordinal)))
            return AfterDissolutionAccess.Open;
        return
            route.StartsWith("/api/meetings/{meetingId}/", StringComparison.Ordinal)
            && MeetingRecord.Any(s => route.EndsWith(s, StringComparison.Ordinal))
            ? AfterDissolutionAccess.DissolvingMeetingOnly
            : AfterDissolutionAccess.Refused;
    }

    /// <summary>Null when the write may go on: nothing dissolved, the write open, or the deciding meeting's.</summary>
    public static RuleViolation? Check(CooperationAgreement? agreement, AfterDissolutionAccess access, Guid? meetingId)
    {
        if (agreement?.Dissolution is not { } d || access == AfterDissolutionAccess.Open)
            return null;
        if (access == AfterDissolutionAccess.Refused)
            return AgreementRules.NotDissolved(agreement);
        return d.MeetingId is { } dissolving && dissolving == meetingId
            ? null
            : new(
                AgreementRules.Dissolution,
                $"Kommittén upplöstes {Dates.Iso(d.DecidedOn)} ({d.DecisionReference}). Bara sammanträdet där "
                    + "upplösningen beslutades kan avslutas och få sina minnesanteckningar skrivna, "
                    + "justerade och rättade."
            );
    }
}

/// <summary>Puts the §10 check (<see cref="AfterDissolution"/>) in front of every write endpoint.</summary>
internal sealed class ReadOnlyAfterDissolutionPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(c => c.HttpMethods.Any(m => m != HttpMethods.Get && m != HttpMethods.Head)))
        {
            var access = AfterDissolution.Of(chain.RoutePattern?.RawText ?? "");
            if (access == AfterDissolutionAccess.Open)
                continue;
            var checks = typeof(ReadOnlyAfterDissolution);
            MethodCall call;
            if (
                access == AfterDissolutionAccess.DissolvingMeetingOnly
                && chain.FindRouteVariable(typeof(Guid), "meetingId", out var meetingId)
            )
            {
                call = new MethodCall(checks, nameof(ReadOnlyAfterDissolution.CheckMeetingAsync));
                call.Arguments[0] = meetingId;
            }
            else
            {
                call = new MethodCall(checks, nameof(ReadOnlyAfterDissolution.CheckAsync));
            }
            call.CommentText = "§10: read-only after dissolution";
            chain.Middleware.InsertRange(0, [call, new MaybeEndWithResultFrame(call.ReturnVariable!)]);
        }
    }
}

public static class ReadOnlyAfterDissolution
{
    public static Task<IResult> CheckAsync(IQuerySession session, CancellationToken ct) =>
        Answer(session, AfterDissolutionAccess.Refused, null, ct);

    public static Task<IResult> CheckMeetingAsync(Guid meetingId, IQuerySession session, CancellationToken ct) =>
        Answer(session, AfterDissolutionAccess.DissolvingMeetingOnly, meetingId, ct);

    private static async Task<IResult> Answer(
        IQuerySession session,
        AfterDissolutionAccess access,
        Guid? meetingId,
        CancellationToken ct
    )
    {
        var agreement = await session.AgreementAsync(ct);
        return AfterDissolution.Check(agreement, access, meetingId) is { } refused
            ? Results.Problem(refused.ToProblem())
            : Wolverine.Http.WolverineContinue.Result();
    }
}
