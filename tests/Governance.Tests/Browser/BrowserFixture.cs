using System.Collections.Concurrent;
using Governance.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Governance.Tests.Browser;

/// <summary>
/// The product on a real Kestrel port, with the Södertörn reference data, an SMTP server for the registries' mail and
/// a clock the tests set; driven by the operating system's Chromium (no browser download) through Playwright.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Where Chromium is: Debian's package by default, GOVERNANCE_CHROMIUM to point elsewhere.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("GOVERNANCE_CHROMIUM") ?? "/usr/bin/chromium";

    public TestClock Clock { get; } = new(new DateTimeOffset(2020, 9, 1, 9, 0, 0, TimeSpan.FromHours(2)));
    public TestSmtpServer Smtp { get; } = new();
    public string BaseUrl { get; private set; } = "";

    private WebApplication? _app;
    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ChromiumPath}: "
                    + "on Debian `apt-get install chromium` (.ci/run does), or set GOVERNANCE_CHROMIUM."
            );
        Smtp.Start();
        var database = await TestDatabase.FreshDatabaseAsync("governance_browser_tests");
        _app = await ProductHost.StartAsync(
            Clock,
            new Dictionary<string, string?>
            {
                ["GOVERNANCE_DB"] = database,
                ["Governance:LoadReferenceData"] = "true",
                ["Auth:DevelopmentSigningKey"] = Convert.ToBase64String(AppFixture.SigningKeyBytes),
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Smtp:Security"] = "None",
                ["Distribution:RetryDelays"] = "00:00:01,00:00:01,00:00:02",
            }
        );
        BaseUrl = ProductHost.BaseUrl(_app);
        await WaitForReferenceDataAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(
            new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                // Quiet on a closed network: no sync, updates or background lookups of Google's hosts.
                Args =
                [
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                ],
            }
        );
    }

    private async Task WaitForReferenceDataAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var plan = await http.GetAsync("/api/plans/2020");
            if (plan.IsSuccessStatusCode)
                return;
            await Task.Delay(200);
        }
        throw new TimeoutException("The reference data was not loaded within 20 s.");
    }

    /// <summary>
    /// A fresh browser context (its own cookies) signed in as one of the reference users, by the sign-in page.
    /// </summary>
    public async Task<IPage> SignedInAsync(string userName, string viewport = "laptop")
    {
        var page = await NewPageAsync(viewport);
        var response = await page.GotoAsync("/logga-in");
        if (response is not { Ok: true })
            throw new InvalidOperationException($"/logga-in answered {response?.Status}: {await page.ContentAsync()}");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Logga in som {userName} (" }).ClickAsync();
        // The overview after signing in can be a host's first page: on a CI machine busy with the other test
        // collections it once took longer than the default 15 s. Signed in is what the page shows (the sign-out
        // button), not a load event: on a page already at its address Playwright's wait for the URL waits for the
        // load event again, and on a busy CI machine it twice never came (the whole minute, "NetworkIdle" fired).
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" })
            .WaitForAsync(new() { Timeout = 60_000, State = WaitForSelectorState.Attached });
        if (page.Url != BaseUrl + "/")
            throw new InvalidOperationException($"Signed in at {page.Url}, not the overview.");
        return page;
    }

    /// <summary>A fresh browser context and page, on this product or on another one a test started.</summary>
    public async Task<IPage> NewPageAsync(string viewport = "laptop", string? baseUrl = null)
    {
        var context = await Browser.NewContextAsync(
            new BrowserNewContextOptions
            {
                BaseURL = baseUrl ?? BaseUrl,
                Locale = "sv-SE",
                TimezoneId = "Europe/Stockholm",
                ViewportSize =
                    viewport == "phone"
                        ? new ViewportSize { Width = 390, Height = 844 }
                        : new ViewportSize { Width = 1280, Height = 900 },
            }
        );
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync(ReportPolicyViolations);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (
                message.Text.Contains("Content Security Policy", StringComparison.Ordinal)
                || message.Text.Contains("Refused to", StringComparison.Ordinal)
            )
                PolicyViolations.Enqueue($"{page.Url}: {message.Text}");
        };
        return page;
    }

    /// <summary>
    /// What the browser refused under a Content-Security-Policy; <see cref="BrowserTest"/> fails on any. Static: there
    /// is one browser fixture, and its collection runs one test at a time.
    /// </summary>
    public static ConcurrentQueue<string> PolicyViolations { get; } = new();

    // Chromium logs each refusal to the console too; the event adds the directive and what was blocked.
    private const string ReportPolicyViolations = """
        document.addEventListener('securitypolicyviolation', e =>
          console.error(`Content Security Policy violation: ${e.violatedDirective} ` +
            `blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`));
        """;

    public void SetClock(int month, int day, int hour, int minute) =>
        Clock.Set(
            new DateTimeOffset(2020, month, day, hour, minute, 0, TimeSpan.FromHours(month is > 3 and < 11 ? 2 : 1))
        );

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Smtp.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
