using Governance.Municipalities;

namespace Governance.Tests.Fees;

public class ScbPopulationCsvTests
{
    [Fact]
    public void reads_code_name_population_with_a_header_and_spaced_thousands()
    {
        var (rows, errors) = ScbPopulationCsv.Parse(
            "kod;kommun;folkmängd\n0127;Botkyrka;94 100\r\n0140;Nykvarn;\"11 100\"\n"
        );
        Assert.Empty(errors);
        Assert.Equal(
            [("0127", "Botkyrka", 94_100), ("0140", "Nykvarn", 11_100)],
            rows.Select(r => (r.Code, r.Name, r.Population))
        );
    }

    [Fact]
    public void reads_scbs_combined_code_and_name_column()
    {
        var (rows, errors) = ScbPopulationCsv.Parse("0127 Botkyrka,94100\n0181 Södertälje,99000");
        Assert.Empty(errors);
        Assert.Equal("Södertälje", rows[1].Name);
    }

    [Fact]
    public void names_each_bad_row()
    {
        var (_, errors) = ScbPopulationCsv.Parse(
            "0127;Botkyrka;94100\n12;Fel;5\n0140;Nykvarn;-3\n0127;Botkyrka;1\nbara två;fält"
        );
        Assert.Equal(["csv[2]", "csv[3]", "csv[4]", "csv[5]"], errors.Keys.Order());
    }
}
