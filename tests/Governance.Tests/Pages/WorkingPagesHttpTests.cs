using Alba;
using Governance.Tests.Support;

namespace Governance.Tests.Pages;

/// <summary>
/// The signed-in pages over HTTP: the overview's open duties, and pages closed to roles that may not see them.
/// </summary>
public class WorkingPagesHttpTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<string> Page(string url, string? token, int status = 200)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            if (token is not null)
                s.WithRequestHeader("Authorization", $"Bearer {token}");
            s.StatusCodeShouldBe(status);
        });
        return result.ReadAsText();
    }

    [Fact]
    public async Task the_overview_lists_a_running_notice_and_overdue_fees_to_the_signed_in_only()
    {
        await GivenReferenceData();
        await Post("/api/fees/2020/invoices", new { version = 2 }, SecretaryToken, 200);
        Fixture.Clock.Set(new DateTimeOffset(2020, 6, 20, 9, 0, 0, TimeSpan.FromHours(2)));
        await Post(
            "/api/agreement/termination-notices",
            new
            {
                municipalityCode = "0140",
                councilDecisionOn = "2020-05-17",
                councilDecisionReference = "KF 2020-05-17 §84",
                receivedOn = "2020-06-15",
                version = 1,
            },
            SecretaryToken,
            200
        );

        var duties = await Page("/", SecretaryToken);
        Assert.Contains("Att göra", duties, StringComparison.Ordinal);
        Assert.Contains(
            "Nykvarn har sagt upp avtalet; sista dag som medlem 2021-06-30, 7 parter är inte underrättade.",
            duties,
            StringComparison.Ordinal
        );
        Assert.Contains("Botkyrkas avgift för 2020 är förfallen", duties, StringComparison.Ordinal);
        Assert.Equal(8, duties.Split("avgift för 2020 är förfallen").Length - 1);

        var forThePublic = await Page("/", null);
        Assert.DoesNotContain("Att göra", forThePublic, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_fee_page_writes_amounts_the_swedish_way()
    {
        await GivenReferenceData();
        var fees = System.Net.WebUtility.HtmlDecode(await Page("/avgifter?ar=2020", SecretaryToken));
        Assert.Contains("2\u00a0012\u00a0800,00", fees, StringComparison.Ordinal);
        Assert.Contains("4,00 kr per invånare", fees, StringComparison.Ordinal);
        Assert.Contains("94\u00a0100", fees, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_audit_trail_is_for_the_secretary_and_the_chair_and_names_who_did_what()
    {
        await GivenReferenceData();
        await Page("/handelser", Fixture.TokenFor("Mats Ledamot", "member", "0127"), 403);
        var audit = await Page("/handelser", SecretaryToken);
        Assert.Contains("Kommun registrerad", audit, StringComparison.Ordinal);
        Assert.Contains("Referensdata (Verksamhetsplan 2020)", audit, StringComparison.Ordinal);
        await Page("/handelser", Fixture.TokenFor("Daniel Dronjak", "chair"));
    }
}
