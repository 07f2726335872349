using Governance.Infrastructure.Aggregates;
using Governance.Municipalities;
using JasperFx.Events;

namespace Governance.Agreement;

/// <summary>
/// What an agreement command is decided against: the agreement's stream and the municipality register.
/// </summary>
public sealed record AgreementContext(
    IEventStream<CooperationAgreement> Stream,
    IReadOnlyList<Municipality> Municipalities
)
{
    public CooperationAgreement? Agreement => Stream.Aggregate;

    public static async Task<AgreementContext> LoadAsync(IDocumentSession session, CancellationToken ct)
    {
        // Fetched for writing: the append is checked at commit against the version read here.
        var stream = await session.Events.FetchForWriting<CooperationAgreement>(CooperationAgreement.TheId, ct);
        var municipalities = await session.MunicipalityRegisterAsync(ct);
        return new(stream, municipalities);
    }

    /// <summary>404 before the agreement is recorded, 409 for a stale version, else the rule's answer.</summary>
    public ProblemDetails Decide(int expectedVersion, Func<CooperationAgreement, RuleViolation?> rule) =>
        Stream.Decide(expectedVersion, "Samarbetsavtalet är inte registrerat ännu.", rule);

    public IReadOnlyList<Municipality> MunicipalitiesIn(IEnumerable<string> codes) =>
        [.. codes.Select(code => Municipalities.Single(m => m.Code == code))];

    public AgreementChanged Append(object @event) => new(Stream.Id, Stream.AppendAndVersion(@event));
}

/// <summary>The answer to an agreement command: the stream's new version, for the next command.</summary>
public sealed record AgreementChanged(Guid Id, int Version);
