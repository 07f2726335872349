using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Governance.Tests.Browser;

/// <summary>
/// Sign-in over real HTTP, as a browser does it: the reference-user picker sets a strict, HTTP-only cookie; pages send
/// the signed-out to sign in and the wrong role to "no access"; API writes carried by the cookie need the page's
/// antiforgery token, and the API answers 401, not a redirect.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SignInHttpTests(BrowserFixture fixture)
{
    private (HttpClient Client, CookieContainer Cookies) Browser()
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(fixture.BaseUrl),
        };
        return (client, cookies);
    }

    private static async Task<string> PageTokenAsync(HttpClient client, string path, string pattern)
    {
        var html = await client.GetStringAsync(path);
        return Regex.Match(html, pattern).Groups[1].Value;
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string user)
    {
        var token = await PageTokenAsync(
            client,
            "/logga-in",
            "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\""
        );
        return await client.PostAsync(
            "/logga-in?handler=ReferenceUser",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["user"] = user,
                    ["returnUrl"] = "/kalender",
                    ["__RequestVerificationToken"] = token,
                }
            )
        );
    }

    [Fact]
    public async Task Signed_out_pages_go_to_sign_in_and_the_api_answers_401()
    {
        var (client, _) = Browser();
        var page = await client.GetAsync("/utskick");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith(
            "/logga-in?ReturnUrl=%2Futskick",
            page.Headers.Location!.PathAndQuery,
            StringComparison.Ordinal
        );
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/distribution")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/kalender?ar=2020")).StatusCode);
    }

    [Fact]
    public async Task The_picker_signs_in_with_a_strict_http_only_cookie_and_the_role_decides_what_opens()
    {
        fixture.SetClock(3, 20, 10, 0);
        var (client, _) = Browser();
        var signIn = await SignInAsync(client, "member-0127");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/kalender", signIn.Headers.Location!.OriginalString);
        var cookie = signIn
            .Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith("governance.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/utskick")).StatusCode);
        var audit = await client.GetAsync("/handelser");
        Assert.Equal(HttpStatusCode.Redirect, audit.StatusCode);
        Assert.StartsWith("/ingen-behorighet", audit.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        // An unknown user is not signed in.
        var (other, _) = Browser();
        Assert.Equal(HttpStatusCode.NotFound, (await SignInAsync(other, "nobody")).StatusCode);
    }

    [Fact]
    public async Task a_cookie_write_needs_the_pages_antiforgery_token_and_acts_only_for_the_members_municipality()
    {
        fixture.SetClock(3, 20, 10, 0);
        var (client, _) = Browser();
        await SignInAsync(client, "member-0127");
        var meetings = await client.GetFromJsonAsync<JsonElement>("/api/meetings?year=2020&body=committee");
        var meetingId = meetings
            .GetProperty("meetings")
            .EnumerateArray()
            .Last(m => m.GetProperty("status").GetString() == "scheduled")
            .GetProperty("id")
            .GetGuid();
        var url = $"/api/meetings/{meetingId}";
        var version = (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("version").GetInt32();
        object Matter(string code) =>
            new
            {
                title = "Gemensam upphandling av skolskjuts",
                kind = "information",
                municipalityCode = code,
                version,
            };

        // Without the token (as a forged cross-site request would be): refused, nothing written.
        var forged = await client.PostAsJsonAsync($"{url}/matters", Matter("0127"));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("Sidan behöver laddas om", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(version, (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("version").GetInt32());

        var token = await PageTokenAsync(
            client,
            $"/sammantraden/{meetingId}",
            "name=\"request-verification-token\" content=\"([^\"]+)\""
        );
        client.DefaultRequestHeaders.Add("RequestVerificationToken", token);
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await client.PostAsJsonAsync($"{url}/matters", Matter("0136"))).StatusCode
        );
        // A write the role may not make is answered as by an API, 403, not with a redirect to a page.
        var schedule = await client.PostAsJsonAsync(
            "/api/meetings",
            new
            {
                body = "committee",
                kind = "extra",
                date = "2020-05-20",
                startsAt = "12:00",
                endsAt = "13:00",
                hostMunicipalityCode = "0127",
                place = "Tumba",
            }
        );
        Assert.Equal(HttpStatusCode.Forbidden, schedule.StatusCode);
        var raised = await client.PostAsJsonAsync($"{url}/matters", Matter("0127"));
        Assert.True(raised.IsSuccessStatusCode, await raised.Content.ReadAsStringAsync());
        var matter = (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("matters").EnumerateArray().Last();
        Assert.Equal("Ledamot Botkyrka", matter.GetProperty("raisedBy").GetString());
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var (client, _) = Browser();
        await SignInAsync(client, "secretary");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/handelser")).StatusCode);
        var token = await PageTokenAsync(
            client,
            "/",
            "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\""
        );
        var signOut = await client.PostAsync(
            "/logga-in?handler=SignOut",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })
        );
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/handelser")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/distribution")).StatusCode);
    }
}
