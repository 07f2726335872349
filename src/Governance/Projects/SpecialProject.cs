namespace Governance.Projects;

public sealed record ProjectShare(string MunicipalityCode, int Population, decimal Amount);

/// <summary>
/// §7: a joint project outside the budget, financed by special contributions split by population among those taking
/// part.
/// </summary>
public record SpecialProjectStarted(
    Guid ProjectId,
    string Name,
    string? Description,
    decimal Cost,
    DateOnly DecidedOn,
    string DecisionReference,
    int PopulationYear,
    IReadOnlyList<ProjectShare> Shares,
    string StartedBy,
    DateTimeOffset StartedAt
);

// "Det finns inget särskilt projekt …": the name with its negative article, by the noun's gender.
[System.ComponentModel.DisplayName("inget särskilt projekt")]
public sealed partial class SpecialProject
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public decimal Cost { get; set; }
    public DateOnly DecidedOn { get; set; }
    public string DecisionReference { get; set; } = "";
    public int PopulationYear { get; set; }
    public List<ProjectShare> Shares { get; set; } = [];

    public static SpecialProject Create(SpecialProjectStarted e) =>
        new()
        {
            Id = e.ProjectId,
            Name = e.Name,
            Description = e.Description,
            Cost = e.Cost,
            DecidedOn = e.DecidedOn,
            DecisionReference = e.DecisionReference,
            PopulationYear = e.PopulationYear,
            Shares = [.. e.Shares],
        };
}
