namespace Governance.Municipalities;

// Events of a municipality's stream. Shipped events are never renamed or removed.

public record MunicipalityRegistered(
    Guid MunicipalityId,
    string Code,
    string Name,
    string RegistryEmail,
    string RegisteredBy,
    DateTimeOffset RegisteredAt
);

/// <summary>
/// The municipality's member of the committee: its executive board chair (kommunstyrelsens ordförande).
/// </summary>
public record RepresentativeNamed(
    Guid MunicipalityId,
    string PersonName,
    DateOnly From,
    string NamedBy,
    DateTimeOffset NamedAt
);

/// <summary>The municipality's director (kommundirektör), a member of the management group.</summary>
public record DirectorNamed(
    Guid MunicipalityId,
    string PersonName,
    DateOnly From,
    string NamedBy,
    DateTimeOffset NamedAt
);

/// <summary>
/// Inhabitants on 31 December of <paramref name="Year"/>. A later figure for the same year corrects an earlier one.
/// </summary>
public record PopulationRecorded(
    Guid MunicipalityId,
    int Year,
    int Population,
    bool IsSample,
    string Source,
    string RecordedBy,
    DateTimeOffset RecordedAt
);
