using System.Globalization;

namespace Governance.Municipalities;

public sealed record MunicipalitySummary(
    Guid Id,
    string Code,
    string Name,
    string RegistryEmail,
    string? Representative,
    string? Director,
    PopulationFigure? LatestPopulation,
    int Version
)
{
    public static MunicipalitySummary Of(Municipality m, DateOnly today) =>
        new(
            m.Id,
            m.Code,
            m.Name,
            m.RegistryEmail,
            m.RepresentativeOn(today),
            m.DirectorOn(today),
            m.LatestPopulation,
            m.Version
        );
}

/// <summary>The register entry as shown: the webhook's shared secret is never shown, only whether one is set.</summary>
public sealed record MunicipalityDetails(
    Guid Id,
    string Code,
    string Name,
    string RegistryEmail,
    IReadOnlyList<PersonFrom> Representatives,
    IReadOnlyList<PersonFrom> Directors,
    IReadOnlyList<PopulationFigure> Populations,
    bool EmailChannel,
    string? EmailAddress,
    string? WebhookUrl,
    bool WebhookSecretSet,
    int Version
)
{
    public static MunicipalityDetails Of(Municipality m) =>
        new(
            m.Id,
            m.Code,
            m.Name,
            m.RegistryEmail,
            m.Representatives,
            m.Directors,
            [.. m.Populations.OrderBy(p => p.Year)],
            m.Channels.Email,
            m.Channels.EmailAddress,
            m.Channels.WebhookUrl,
            m.Channels.HasWebhookSecret,
            m.Version
        );
}

public static class GetMunicipalitiesEndpoint
{
    private static readonly StringComparer Swedish = StringComparer.Create(new CultureInfo("sv-SE"), ignoreCase: true);

    /// <summary>The register: each municipality with the people in office today and its latest population.</summary>
    [WolverineGet("/api/municipalities", OperationId = "GetMunicipalities")]
    public static async Task<IReadOnlyList<MunicipalitySummary>> Get(
        IQuerySession session,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var today = clock.Today();
        var all = await session.MunicipalityRegisterAsync(ct);
        return [.. all.OrderBy(m => m.Name, Swedish).Select(m => MunicipalitySummary.Of(m, today))];
    }

    /// <summary>One municipality with its whole history of representatives, directors and population figures.</summary>
    [WolverineGet("/api/municipalities/{municipalityId}", OperationId = "GetMunicipality")]
    public static async Task<MunicipalityDetails?> GetOne(Guid municipalityId, IQuerySession session) =>
        await session.LoadAsync<Municipality>(municipalityId) is { } m ? MunicipalityDetails.Of(m) : null;
}
