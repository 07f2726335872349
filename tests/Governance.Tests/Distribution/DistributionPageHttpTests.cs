using System.Text.RegularExpressions;
using Alba;
using Governance.Distribution;
using Governance.Pages;
using Governance.Tests.Support;

namespace Governance.Tests.Distribution;

/// <summary>The distribution's screen, a page of documents at a time: the same documents as the API's page.</summary>
public partial class DistributionPageHttpTests(AppFixture fixture) : DistributionScenario(fixture)
{
    [Fact]
    public async Task the_screen_shows_a_page_of_the_newest_documents_and_links_the_older()
    {
        Smtp.Start();
        await GivenSodertornWithAllRepresentatives();
        for (var i = 0; i <= UtskickModel.PageSize; i++)
        {
            var meeting = await Schedule(date: new DateOnly(2020, 5, 4).AddDays(i).ToString("yyyy-MM-dd"));
            await Act(meeting, "/agenda", new { title = "Information", kind = "information" }, ChairToken);
            await Act(meeting, "/notice", new { }, ChairToken);
        }
        var all = await WaitFor(
            s => s.Documents.Count(d => d.Kind == DocumentKinds.MeetingNotice) > UtskickModel.PageSize,
            pageSize: GetDistributionStatusEndpoint.MaxPageSize
        );
        var size = UtskickModel.PageSize;
        var first = await Get<DistributionStatus>($"/api/distribution?pageSize={size}", SecretaryToken);
        var second = await Get<DistributionStatus>($"/api/distribution?page=2&pageSize={size}", SecretaryToken);

        var one = await Screen("/utskick");
        Assert.Equal(first.Documents.Select(d => Heading(d.DocumentKey)), Headings(one));
        Assert.Contains("href=\"?sida=2\">Äldre utskick", one, StringComparison.Ordinal);
        var two = await Screen("/utskick?sida=2");
        Assert.Equal(second.Documents.Select(d => Heading(d.DocumentKey)), Headings(two));
        Assert.Contains("href=\"?sida=1\">Nyare utskick", two, StringComparison.Ordinal);
        Assert.True(all.Documents.Count > UtskickModel.PageSize);
    }

    private async Task<string> Screen(string url) =>
        (
            await Host.Scenario(s =>
            {
                s.Get.Url(url);
                s.WithBearerToken(SecretaryToken);
            })
        ).ReadAsText();

    private static string Heading(string key) => "doc-" + key.Replace(':', '-');

    private static IEnumerable<string> Headings(string html) =>
        SectionHeading().Matches(html).Select(m => m.Groups[1].Value);

    [GeneratedRegex("<section aria-labelledby=\"([^\"]+)\" class=\"document\">")]
    private static partial Regex SectionHeading();
}
