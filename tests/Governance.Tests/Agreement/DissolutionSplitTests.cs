using Governance.Agreement;

namespace Governance.Tests.Agreement;

public class DissolutionSplitTests
{
    [Fact]
    public void assets_and_liabilities_are_split_by_the_latest_year_end_recorded_for_every_member_to_the_ore()
    {
        var members = new[]
        {
            AgreementFixtures.MunicipalityWith("0127", "Botkyrka", (2019, 94_100), (2020, 95_003)),
            AgreementFixtures.MunicipalityWith("0140", "Nykvarn", (2019, 11_100), (2020, 11_113)),
            AgreementFixtures.MunicipalityWith("0128", "Salem", (2019, 17_300)), // 2020 not recorded: 2019 is used
        };

        var (year, shares) = DissolutionSplit
            .Split(members, 1_000_000.01m, 333_333.33m, new DateOnly(2021, 6, 1))!
            .Value;

        Assert.Equal(2019, year);
        Assert.Equal(1_000_000.01m, shares.Sum(s => s.Assets));
        Assert.Equal(333_333.33m, shares.Sum(s => s.Liabilities));
        Assert.Equal([94_100, 11_100, 17_300], shares.Select(s => s.Population));
        Assert.All(shares, s => Assert.Equal(s.Assets, decimal.Round(s.Assets, 2)));
    }

    [Fact]
    public void figures_for_year_ends_after_the_decision_are_not_used()
    {
        var members = new[]
        {
            AgreementFixtures.MunicipalityWith("0127", "Botkyrka", (2019, 94_100), (2020, 95_003)),
            AgreementFixtures.MunicipalityWith("0140", "Nykvarn", (2019, 11_100), (2020, 11_113)),
        };
        Assert.Equal(2019, DissolutionSplit.Split(members, 100m, 0m, new DateOnly(2020, 12, 10))!.Value.Year);
        Assert.Equal(2020, DissolutionSplit.Split(members, 100m, 0m, new DateOnly(2021, 1, 10))!.Value.Year);
    }

    [Fact]
    public void without_a_year_end_common_to_all_members_there_is_no_split()
    {
        var members = new[]
        {
            AgreementFixtures.MunicipalityWith("0127", "Botkyrka", (2019, 94_100)),
            AgreementFixtures.MunicipalityWith("0140", "Nykvarn", (2020, 11_113)),
        };
        Assert.Null(DissolutionSplit.Split(members, 100m, 0m, new DateOnly(2021, 6, 1)));
        Assert.Contains("Nykvarn (2020)", DissolutionSplit.NoCommonYear(members).Message, StringComparison.Ordinal);
    }
}
