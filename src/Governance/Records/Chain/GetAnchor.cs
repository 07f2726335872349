using Microsoft.AspNetCore.RateLimiting;

namespace Governance.Records.Chain;

public static class GetAnchorEndpoint
{
    /// <summary>
    /// What the seal says of a chain hash printed in a document: the event it was sealed at and when. Anyone may ask:
    /// a registry checks its copy of the minutes this way. 404 when the record holds no such hash.
    /// </summary>
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.Search)]
    [ProducesResponseType<AnchorLookup>(StatusCodes.Status200OK)]
    [WolverineGet("/api/records/anchors/{chainHash}", OperationId = "GetRecordAnchor")]
    public static async Task<IResult> Get(string chainHash, RecordAnchors anchors, CancellationToken ct) =>
        await anchors.FindAsync(chainHash, ct) is { } found
            ? Results.Json(found)
            : Results.Problem(Problems.NotFound("Kontrollsumman finns inte i händelseloggens försegling."));
}
