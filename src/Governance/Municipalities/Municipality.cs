using Governance.Infrastructure.Ids;

namespace Governance.Municipalities;

public sealed record PersonFrom(string PersonName, DateOnly From);

public sealed record PopulationFigure(int Year, int Population, bool IsSample, string Source);

/// <summary>A member municipality as its events describe it; stored inline as the register's read model.</summary>
// "Det finns ingen kommun …": the name with its negative article, by the noun's gender.
[System.ComponentModel.DisplayName("ingen kommun")]
public sealed partial class Municipality
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string RegistryEmail { get; set; } = "";
    public List<PersonFrom> Representatives { get; set; } = [];
    public List<PersonFrom> Directors { get; set; } = [];
    public List<PopulationFigure> Populations { get; set; } = [];
    public Distribution.Channels Channels { get; set; } = Distribution.Channels.Default;

    public static Guid IdFor(string code) => DeterministicGuid.For("municipality", code);

    public static Municipality Create(MunicipalityRegistered e) =>
        new()
        {
            Id = e.MunicipalityId,
            Code = e.Code,
            Name = e.Name,
            RegistryEmail = e.RegistryEmail,
        };

    public void Apply(RepresentativeNamed e) => Representatives = Named(Representatives, e.PersonName, e.From);

    public void Apply(DirectorNamed e) => Directors = Named(Directors, e.PersonName, e.From);

    public void Apply(PopulationRecorded e) =>
        Populations = [
            .. Populations.Where(p => p.Year != e.Year),
            new PopulationFigure(e.Year, e.Population, e.IsSample, e.Source),
        ];

    public void Apply(Distribution.DeliveryChannelsConfigured e) => Channels = e.Channels;

    public string? RepresentativeOn(DateOnly date) => HolderOn(Representatives, date);

    public string? DirectorOn(DateOnly date) => HolderOn(Directors, date);

    public PopulationFigure? LatestPopulation => Populations.MaxBy(p => p.Year);

    public PopulationFigure? PopulationAtYearEnd(int year) => Populations.FirstOrDefault(p => p.Year == year);

    // One holder at a time: a naming from a date replaces whoever was named from that same date.
    private static List<PersonFrom> Named(List<PersonFrom> people, string person, DateOnly from) =>
        [.. people.Where(p => p.From != from).Append(new PersonFrom(person, from)).OrderBy(p => p.From)];

    private static string? HolderOn(List<PersonFrom> people, DateOnly date) =>
        people.LastOrDefault(p => p.From <= date)?.PersonName;
}
