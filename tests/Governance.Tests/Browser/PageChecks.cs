using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Governance.Tests.Browser;

/// <summary>What every page must pass: axe-core finds nothing serious or critical, and the keyboard alone reaches everything.</summary>
public static class PageChecks
{
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    /// <summary>
    /// Tabbing from the top reaches every visible link, button and field, in order, each with a visible focus outline;
    /// the first stop is the skip link.
    /// </summary>
    public static async Task AssertKeyboardReachesEverythingAsync(IPage page)
    {
        var focusable = await page.EvaluateAsync<int>("""
            () => {
              const all = [...document.querySelectorAll('a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
                .filter(e => e.checkVisibility() || e.classList.contains('skip'));
              all.forEach((e, i) => e.dataset.kb = i);
              return all.length;
            }
            """);
        await page.EvaluateAsync("() => { document.activeElement?.blur(); window.getSelection()?.removeAllRanges(); }");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Hoppa till innehållet", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        var reached = new HashSet<string>();
        var withoutOutline = new List<string>();
        for (var i = 0; i < focusable + 5 && reached.Count < focusable; i++)
        {
            var (index, outlined, label) = await FocusedAsync(page);
            if (index is not null)
            {
                reached.Add(index);
                if (!outlined) withoutOutline.Add(label);
            }
            await page.Keyboard.PressAsync("Tab");
        }
        var missed = await page.EvaluateAsync<string[]>("""
            reached => [...document.querySelectorAll('[data-kb]')].filter(e => !reached.includes(e.dataset.kb)).map(e => e.outerHTML.slice(0, 120))
            """, reached.ToArray());
        Assert.True(missed.Length == 0, $"Not reached by Tab on {page.Url}:\n{string.Join("\n", missed)}");
        Assert.True(withoutOutline.Count == 0, $"Focus not visible on {page.Url}: {string.Join(", ", withoutOutline)}");
    }

    private static async Task<(string? Index, bool Outlined, string Label)> FocusedAsync(IPage page)
    {
        var focused = await page.EvaluateAsync<string[]>("""
            () => {
              const e = document.activeElement;
              if (!e || e === document.body) return [null, 'true', ''];
              const s = getComputedStyle(e);
              const outlined = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
              return [e.dataset.kb ?? null, String(outlined), e.outerHTML.slice(0, 80)];
            }
            """);
        return (focused[0], focused[1] == "true", focused[2]);
    }

    /// <summary>A picture for the README when GOVERNANCE_SCREENSHOTS names a folder.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("GOVERNANCE_SCREENSHOTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
