using Governance.ReferenceData;

namespace Governance.Agreement;

public static class GetAgreementTextEndpoint
{
    /// <summary>The cooperation agreement's text as in force on a date.</summary>
    /// <remarks>
    /// §1–§10 as signed in 2010, with every amendment (§9) in effect on the date (today in Stockholm by default): each
    /// amended clause names the decision that gave it its wording (reference, adoption and the day it took effect) and
    /// lists its earlier wordings with the periods they were in force; a clause an amendment added appears from that
    /// day. Public, without signing in: the agreement is a public document. 404 before the agreement is recorded.
    /// </remarks>
    /// <param name="on">The date (YYYY-MM-DD) the text is read as of; today when left out.</param>
    [AllowAnonymous]
    [WolverineGet("/api/agreement/text", OperationId = "GetAgreementText")]
    public static async Task<AgreementTextOnDate?> Get(
        DateOnly? on,
        IQuerySession session,
        TimeProvider clock,
        CancellationToken ct
    ) =>
        await session.AgreementAsync(ct) is { } agreement
            ? AgreementText.On(
                on ?? clock.Today(),
                agreement,
                AgreementText2010.Title,
                AgreementText2010.Preamble,
                AgreementText2010.Clauses,
                AgreementText2010.Signatures
            )
            : null;
}
