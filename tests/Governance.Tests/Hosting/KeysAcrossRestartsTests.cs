using System.Net;
using System.Text.RegularExpressions;
using Governance.Infrastructure.Security;
using Governance.Tests.Support;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Governance.Tests.Hosting;

/// <summary>
/// A new container is a new machine: another home folder, another data folder. The sign-in cookie and the receipt
/// link issued by the first keep working on the second, because the keys are in the database — protected at rest.
/// </summary>
public sealed partial class KeysAcrossRestartsTests
{
    [Fact]
    public async Task a_cookie_and_a_receipt_link_issued_before_a_restart_on_another_machine_still_work()
    {
        using var smtp = new TestSmtpServer();
        smtp.Start();
        var database = await TestDatabase.FreshDatabaseAsync("governance_keys_restart");
        Dictionary<string, string?> Machine(string name)
        {
            var settings = ProductionService.Settings.ToDictionary(
                s => s.Key.Replace(":", "__", StringComparison.Ordinal),
                s => s.Value
            );
            settings["ASPNETCORE_ENVIRONMENT"] = "Production";
            settings["GOVERNANCE_DB"] = database;
            settings["HOME"] = Directory.CreateTempSubdirectory($"governance-home-{name}").FullName;
            settings["GOVERNANCE_DATA_DIR"] = Directory.CreateTempSubdirectory($"governance-state-{name}").FullName;
            settings["Auth__AllowReferenceUsers"] = "true";
            settings["Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Smtp__Security"] = "None";
            return settings;
        }

        var cookies = new CookieContainer();
        string receiptPath;
        await using (var first = ServiceProcess.Start(Machine("a")))
        {
            await first.WaitUntilReadyAsync();
            await SignInAsync(first.BaseUrl, cookies);
            await IssueANoticeAsync(first.BaseUrl);
            var mail = await WaitForMailAsync(smtp);
            receiptPath = ReceiptLink().Match(mail).Groups[1].Value;
            Assert.True(receiptPath.Length > 0, $"no receipt link in:\n{mail}");
        }

        await using var second = ServiceProcess.Start(Machine("b"));
        await second.WaitUntilReadyAsync();
        using var browser = new HttpClient(
            new HttpClientHandler { CookieContainer = Rehost(cookies, second.BaseUrl), AllowAutoRedirect = false }
        );
        var signedIn = await browser.GetAsync($"{second.BaseUrl}/api/agreement");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var receipt = await browser.GetAsync($"{second.BaseUrl}{receiptPath}");
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Contains("Kvittens", await receipt.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // At rest the keys are encrypted with the configured key: a dump of the database holds no usable key.
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var keys = new NpgsqlCommand(
            "select string_agg(data::text, '') from governance.mt_doc_storedkey",
            connection
        );
        var stored = (string)(await keys.ExecuteScalarAsync())!;
        Assert.Contains("encryptedKey", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", stored, StringComparison.Ordinal);
    }

    private static async Task SignInAsync(string baseUrl, CookieContainer cookies)
    {
        using var browser = new HttpClient(
            new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }
        );
        var page = await browser.GetStringAsync($"{baseUrl}/logga-in");
        var token = Regex
            .Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")
            .Groups[1]
            .Value;
        var picked = await browser.PostAsync(
            $"{baseUrl}/logga-in?handler=ReferenceUser",
            new FormUrlEncodedContent(
                new Dictionary<string, string> { ["user"] = "secretary", ["__RequestVerificationToken"] = token }
            )
        );
        Assert.Equal(HttpStatusCode.Redirect, picked.StatusCode);
        Assert.Contains(cookies.GetAllCookies(), c => c.Name == AuthenticationSetup.CookieName);
    }

    /// <summary>
    /// A meeting with an agenda, its notice issued by the chair: a copy goes to every member's registry.
    /// </summary>
    private static async Task IssueANoticeAsync(string baseUrl)
    {
        var key = new SymmetricSecurityKey(AppFixture.SigningKeyBytes);
        using var chair = new HttpClient { BaseAddress = new Uri(baseUrl) };
        chair.DefaultRequestHeaders.Authorization = new(
            "Bearer",
            DevelopmentTokens.Issue(key, "Daniel Dronjak", ["chair"], TimeSpan.FromHours(1), TimeProvider.System)
        );
        async Task<System.Text.Json.JsonElement> Post(string url, object body)
        {
            var response = await chair.PostAsync(url, System.Net.Http.Json.JsonContent.Create(body));
            Assert.True(response.IsSuccessStatusCode, $"{url}: {await response.Content.ReadAsStringAsync()}");
            return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        }
        var meeting = (
            await Post(
                "/api/meetings",
                new
                {
                    body = "committee",
                    kind = "ordinary",
                    date = "2031-05-15",
                    startsAt = "12:00",
                    endsAt = "15:30",
                    hostMunicipalityCode = "0126",
                    place = "Huddinge kommunhus",
                }
            )
        ).GetProperty("value").GetGuid();
        await Post(
            $"/api/meetings/{meeting}/agenda",
            new
            {
                title = "Information",
                kind = "information",
                version = 1,
            }
        );
        await Post($"/api/meetings/{meeting}/notice", new { version = 2 });
    }

    private static async Task<string> WaitForMailAsync(TestSmtpServer smtp)
    {
        for (var i = 0; i < 300 && smtp.Received.IsEmpty; i++)
            await Task.Delay(100);
        Assert.True(smtp.Received.TryPeek(out var mail), "no mail arrived");
        return mail!.HtmlBody ?? mail.TextBody ?? "";
    }

    private static CookieContainer Rehost(CookieContainer cookies, string baseUrl)
    {
        var moved = new CookieContainer();
        foreach (Cookie cookie in cookies.GetAllCookies())
            moved.Add(new Uri(baseUrl), new Cookie(cookie.Name, cookie.Value, "/"));
        return moved;
    }

    [GeneratedRegex("https://samarbetskommitten\\.test(/receipts/[^\"<\\s]+)")]
    private static partial Regex ReceiptLink();
}
