namespace Governance.Offices;

/// <summary>The two bodies of design.md: the committee and the management group of directors.</summary>
public enum Body
{
    Committee,
    ManagementGroup,
}

public enum Office
{
    CommitteeChair,
    CommitteeViceChair,
    ManagementGroupChair,
}

// Events of a year's office stream (one stream per calendar year).

public record ChairAppointed(
    int Year,
    Body Body,
    string MunicipalityCode,
    string PersonName,
    DateOnly From,
    string AppointedBy,
    DateTimeOffset AppointedAt
);

public record ViceChairAppointed(
    int Year,
    string MunicipalityCode,
    string PersonName,
    DateOnly From,
    string AppointedBy,
    DateTimeOffset AppointedAt
);
