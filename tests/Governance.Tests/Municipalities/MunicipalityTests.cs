using Governance.Municipalities;

namespace Governance.Tests.Municipalities;

public class MunicipalityTests
{
    private static readonly DateTimeOffset Now = new(2021, 1, 10, 12, 0, 0, TimeSpan.Zero);

    private static Municipality Huddinge()
    {
        var id = Municipality.IdFor("0126");
        return Municipality.Create(
            new MunicipalityRegistered(id, "0126", "Huddinge", "registrator@huddinge.se", "t", Now)
        );
    }

    [Fact]
    public void the_representative_on_a_date_is_the_one_named_latest_from_that_date_or_earlier()
    {
        var m = Huddinge();
        m.Apply(new RepresentativeNamed(m.Id, "Daniel Dronjak", new DateOnly(2019, 1, 1), "t", Now));
        m.Apply(new RepresentativeNamed(m.Id, "Malin Danielsson", new DateOnly(2022, 10, 15), "t", Now));

        Assert.Null(m.RepresentativeOn(new DateOnly(2018, 12, 31)));
        Assert.Equal("Daniel Dronjak", m.RepresentativeOn(new DateOnly(2019, 1, 1)));
        Assert.Equal("Daniel Dronjak", m.RepresentativeOn(new DateOnly(2022, 10, 14)));
        Assert.Equal("Malin Danielsson", m.RepresentativeOn(new DateOnly(2022, 10, 15)));
    }

    [Fact]
    public void naming_someone_else_from_the_same_date_corrects_the_earlier_naming()
    {
        var m = Huddinge();
        m.Apply(new DirectorNamed(m.Id, "Fel Person", new DateOnly(2020, 1, 1), "t", Now));
        m.Apply(new DirectorNamed(m.Id, "Rätt Person", new DateOnly(2020, 1, 1), "t", Now));

        Assert.Equal("Rätt Person", m.DirectorOn(new DateOnly(2020, 6, 1)));
        Assert.Single(m.Directors);
    }

    [Fact]
    public void a_later_figure_for_the_same_year_end_corrects_the_earlier_and_the_latest_year_is_the_current_one()
    {
        var m = Huddinge();
        m.Apply(new PopulationRecorded(m.Id, 2019, 112_000, true, "Exempel", "t", Now));
        m.Apply(new PopulationRecorded(m.Id, 2020, 113_500, false, "SCB", "t", Now));
        m.Apply(new PopulationRecorded(m.Id, 2019, 112_140, false, "SCB", "t", Now));

        Assert.Equal(112_140, m.PopulationAtYearEnd(2019)!.Population);
        Assert.False(m.PopulationAtYearEnd(2019)!.IsSample);
        Assert.Equal(2020, m.LatestPopulation!.Year);
    }

    [Fact]
    public void the_id_of_a_municipality_follows_from_its_code()
    {
        Assert.Equal(Municipality.IdFor("0127"), Municipality.IdFor("0127"));
        Assert.NotEqual(Municipality.IdFor("0127"), Municipality.IdFor("0126"));
        Assert.Equal(5, Municipality.IdFor("0127").Version);
    }
}
