using Governance.Infrastructure.Queries;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Marten.Services.BatchQuerying;
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

/// <summary>
/// Puts the §10 check (<see cref="AfterDissolution"/>) in front of every write endpoint. The agreement it decides by is
/// a query of its own (<see cref="AgreementOnRecordQuery"/>), which Wolverine reads in one batch with the aggregate the
/// write loads: one round trip for both, and the rule's members on a date are read from the same agreement after it.
/// </summary>
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
            var query = new MethodCall(checks, nameof(ReadOnlyAfterDissolution.Agreement));
            MethodCall call;
            if (
                access == AfterDissolutionAccess.DissolvingMeetingOnly
                && chain.FindRouteVariable(typeof(Guid), "meetingId", out var meetingId)
            )
            {
                call = new MethodCall(checks, nameof(ReadOnlyAfterDissolution.CheckMeeting));
                call.Arguments[0] = meetingId;
            }
            else
            {
                call = new MethodCall(checks, nameof(ReadOnlyAfterDissolution.Check));
            }
            call.CommentText = "§10: read-only after dissolution";
            chain.Middleware.InsertRange(0, [query, call, new MaybeEndWithResultFrame(call.ReturnVariable!)]);
        }
    }
}

/// <summary>The agreement as the §10 check read it (none before it is recorded).</summary>
public sealed record AgreementOnRecord(CooperationAgreement? Agreement);

/// <summary>
/// The agreement for the §10 check, alone or in a batch with the write's other reads; either way remembered for the
/// session (<see cref="SessionReads"/>), so the rule reads it from there.
/// </summary>
public sealed class AgreementOnRecordQuery : IQueryPlan<AgreementOnRecord>, IBatchQueryPlan<AgreementOnRecord>
{
    public async Task<AgreementOnRecord> Fetch(IQuerySession session, CancellationToken token) =>
        new(await session.AgreementAsync(token));

    public async Task<AgreementOnRecord> Fetch(IBatchedQuery query) => new(await query.Agreement());
}

public static class ReadOnlyAfterDissolution
{
    public static AgreementOnRecordQuery Agreement() => new();

    public static IResult Check(AgreementOnRecord read) => Answer(read, AfterDissolutionAccess.Refused, null);

    public static IResult CheckMeeting(Guid meetingId, AgreementOnRecord read) =>
        Answer(read, AfterDissolutionAccess.DissolvingMeetingOnly, meetingId);

    private static IResult Answer(AgreementOnRecord read, AfterDissolutionAccess access, Guid? meetingId) =>
        AfterDissolution.Check(read.Agreement, access, meetingId) is { } refused
            ? Results.Problem(refused.ToProblem())
            : Wolverine.Http.WolverineContinue.Result();
}
