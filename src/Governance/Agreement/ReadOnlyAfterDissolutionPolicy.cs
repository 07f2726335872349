using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Wolverine.Http.CodeGen;

namespace Governance.Agreement;

/// <summary>
/// §10: once the committee's dissolution is recorded, nothing but reading is possible — except what finishes the record
/// of the last meeting (closing it, its minutes) and gets the minutes to the municipalities (§3: distribution, receipts).
/// </summary>
internal sealed class ReadOnlyAfterDissolutionPolicy : IHttpPolicy
{
    private static readonly string[] StillOpen = ["/api/distribution", "/receipts"];
    private static readonly string[] MeetingRecord = ["/close", "/minutes/text", "/minutes/approval", "/minutes/corrections"];

    public static bool FinishesTheRecord(string route) =>
        StillOpen.Any(p => route.StartsWith(p, StringComparison.Ordinal)) ||
        (route.StartsWith("/api/meetings/", StringComparison.Ordinal) && MeetingRecord.Any(s => route.EndsWith(s, StringComparison.Ordinal)));

    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(c => c.HttpMethods.Any(m => m != HttpMethods.Get && m != HttpMethods.Head)
                     && !FinishesTheRecord(c.RoutePattern?.RawText ?? "")))
        {
            var call = new MethodCall(typeof(ReadOnlyAfterDissolution), nameof(ReadOnlyAfterDissolution.CheckAsync))
            {
                CommentText = "§10: read-only after dissolution",
            };
            chain.Middleware.InsertRange(0, [call, new MaybeEndWithResultFrame(call.ReturnVariable!)]);
        }
    }
}

public static class ReadOnlyAfterDissolution
{
    public static async Task<IResult> CheckAsync(IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<CooperationAgreement>(CooperationAgreement.TheId, cancellationToken) is { } agreement &&
        AgreementRules.NotDissolved(agreement) is { } refused
            ? Results.Problem(refused.ToProblem())
            : Wolverine.Http.WolverineContinue.Result();
}
