using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Governance.Tests.Browser;

/// <summary>
/// What every page must pass: axe-core finds nothing serious or critical, and the keyboard alone reaches everything.
/// </summary>
public static class PageChecks
{
    private const string Focusable =
        "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, textarea, summary, "
        + "[tabindex]:not([tabindex=\"-1\"])";

    private const string VisibleOutline =
        "(s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none'";

    /// <summary>
    /// axe-core over the page with every folded section (details) opened, so the forms inside are checked too.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var folded = await page.EvaluateAsync<int>(
            "() => { const closed = [...document.querySelectorAll('details:not([open])')]; "
                + "closed.forEach(d => { d.open = true; d.dataset.axeOpened = ''; }); return closed.length; }"
        );
        var result = await page.RunAxe(
            new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions
                {
                    Type = "tag",
                    Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
                },
            }
        );
        if (folded > 0)
            await page.EvaluateAsync(
                "() => document.querySelectorAll('details[data-axe-opened]')"
                    + ".forEach(d => { d.open = false; delete d.dataset.axeOpened; })"
            );
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(
            serious.Count == 0,
            $"axe on {page.Url}:\n"
                + string.Join(
                    "\n",
                    serious.Select(v =>
                        $"{v.Impact} {v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"
                    )
                )
        );
    }

    /// <summary>
    /// Tabbing from the top reaches every visible link, button and field, each with a visible focus outline; the first
    /// stop is the skip link. (A date or time field takes a Tab per part: day, month, year.)
    /// </summary>
    public static async Task AssertKeyboardReachesEverythingAsync(IPage page)
    {
        var stops = await page.EvaluateAsync<int>(
            $$"""
            () => {
              const all = [...document.querySelectorAll('{{Focusable}}')]
                .filter(e => e.checkVisibility() || e.classList.contains('skip'));
              all.forEach((e, i) => e.dataset.kb = i);
              window.__focused = [];
              document.addEventListener('focusin', event => {
                const e = event.target;
                const s = getComputedStyle(e);
                const outlined = {{VisibleOutline}};
                window.__focused.push({ kb: e.dataset.kb ?? null, outlined, html: e.outerHTML.slice(0, 100) });
              });
              return all.reduce((n, e) => n + (e.type === 'date' ? 3 : e.type === 'time' ? 2 : 1), 0);
            }
            """
        );
        await page.EvaluateAsync("() => { document.activeElement?.blur(); window.getSelection()?.removeAllRanges(); }");
        // Tab until every element was reached (checked every ten presses) or well past the count of stops.
        for (var i = 1; i <= 2 * stops + 10; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (
                i % 10 == 0
                && await page.EvaluateAsync<bool>(
                    "() => { const seen = new Set(window.__focused.map(f => f.kb)); "
                        + "return [...document.querySelectorAll('[data-kb]')].every(e => seen.has(e.dataset.kb)); }"
                )
            )
                break;
        }

        var focused = await page.EvaluateAsync<JsonElement>("() => window.__focused");
        var visits = focused.EnumerateArray().ToList();
        Assert.True(
            visits.Count > 0 && visits[0].GetProperty("html").GetString()!.Contains("Hoppa till innehållet"),
            $"The first Tab on {page.Url} should reach the skip link"
        );
        var reached = visits.Select(v => v.GetProperty("kb").GetString()).OfType<string>().ToArray();
        var missed = await page.EvaluateAsync<string[]>(
            "reached => [...document.querySelectorAll('[data-kb]')].filter(e => !reached.includes(e.dataset.kb))"
                + ".map(e => e.outerHTML.slice(0, 120))",
            reached
        );
        Assert.True(missed.Length == 0, $"Not reached by Tab on {page.Url}:\n{string.Join("\n", missed)}");
        var withoutOutline = visits
            .Where(v => !v.GetProperty("outlined").GetBoolean())
            .Select(v => v.GetProperty("html").GetString())
            .Distinct()
            .ToList();
        Assert.True(withoutOutline.Count == 0, $"Focus not visible on {page.Url}: {string.Join(", ", withoutOutline)}");
    }

    /// <summary>
    /// Reloads the page (every half second, up to 60 s: the minutes go out after Chromium has printed them) until what
    /// the background work records is shown.
    /// </summary>
    public static async Task ReloadUntilAsync(IPage page, Func<Task<bool>> shown)
    {
        for (var attempt = 0; attempt < 120 && !await shown(); attempt++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
        }
    }

    /// <summary>On the distribution page, the section of the committee's minutes of a date.</summary>
    public static ILocator MinutesDistribution(IPage page, string date) =>
        page.Locator(
            "section.document",
            new()
            {
                Has = page.GetByRole(
                    AriaRole.Heading,
                    new() { Name = $"Minnesanteckningar {date} – Södertörnskommunernas samarbetskommitté" }
                ),
            }
        );

    /// <summary>A picture for the README when GOVERNANCE_SCREENSHOTS names a folder.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("GOVERNANCE_SCREENSHOTS") is not { Length: > 0 } folder)
            return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(
            new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = false }
        );
    }
}
