using System.Diagnostics;
using Governance.Records.Pdf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Governance.Tests.Records;

/// <summary>
/// The PDF printer on the machine's own Chromium: one browser kept while documents come, none when idle.
/// </summary>
public sealed class ChromiumPdfTests
{
    [Fact]
    public async Task documents_in_a_row_are_printed_by_one_browser_each_on_a4_tagged_with_its_outline_and_fonts()
    {
        await using var printer = Printer(keepSeconds: 60);
        int? browser = null;
        foreach (var title in new[] { "Första", "Andra", "Tredje" })
        {
            var pdf = await printer.PrintAsync(Html(title), CancellationToken.None);

            Assert.NotNull(printer.BrowserProcessId);
            browser ??= printer.BrowserProcessId;
            Assert.Equal(browser, printer.BrowserProcessId);
            using var document = PdfDocument.Open(pdf);
            var page = document.GetPage(1);
            Assert.Equal((595, 842), ((int)Math.Round(page.Width), (int)Math.Round(page.Height)));
            var text = string.Join(" ", page.GetWords().Select(w => w.Text));
            Assert.Contains($"{title} mötet", text, StringComparison.Ordinal);
            Assert.Contains("Beslut: kommittén godkänner årsredovisningen", text, StringComparison.Ordinal);
            Assert.True(
                document.Structure.Catalog.CatalogDictionary.ContainsKey(NameToken.StructTreeRoot),
                "the PDF is not tagged"
            );
            Assert.True(document.TryGetBookmarks(out var outline), "the PDF has no outline");
            Assert.Contains(outline.GetNodes(), n => n.Title == $"{title} mötet");
            Assert.All(await MinutesPdfTests.PdfFontsAsync(pdf), f =>
                Assert.True(f.Embedded, $"font {f.Name} is not embedded")
            );
        }
    }

    [Fact]
    public async Task a_browser_that_died_is_replaced_by_a_new_one_for_the_next_document()
    {
        await using var printer = Printer(keepSeconds: 60);
        await printer.PrintAsync(Html("Första"), CancellationToken.None);
        var first = printer.BrowserProcessId!.Value;
        using (var process = Process.GetProcessById(first))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var pdf = await printer.PrintAsync(Html("Andra"), CancellationToken.None);

        Assert.Contains("Andra mötet", MinutesPdfTests.Text(pdf), StringComparison.Ordinal);
        Assert.NotNull(printer.BrowserProcessId);
        Assert.NotEqual(first, printer.BrowserProcessId);
    }

    [Fact]
    public async Task the_browser_is_closed_when_no_document_has_come_for_a_while_and_when_the_service_stops()
    {
        var printer = Printer(keepSeconds: 1);
        await printer.PrintAsync(Html("Första"), CancellationToken.None);
        var idle = Process.GetProcessById(printer.BrowserProcessId!.Value);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            await idle.WaitForExitAsync(timeout.Token);
        Assert.Null(printer.BrowserProcessId);

        await printer.PrintAsync(Html("Andra"), CancellationToken.None);
        var kept = Process.GetProcessById(printer.BrowserProcessId!.Value);
        await printer.DisposeAsync();
        Assert.True(kept.HasExited, "the browser outlived the printer");
    }

    private static ChromiumPdf Printer(int keepSeconds) =>
        new(
            new ConfigurationBuilder()
                .AddInMemoryCollection(
                    new Dictionary<string, string?>
                    {
                        ["Pdf:Chromium"] = Environment.GetEnvironmentVariable("Pdf__Chromium"),
                        ["Pdf:KeepBrowserSeconds"] = keepSeconds.ToString(),
                    }
                )
                .Build(),
            NullLogger<ChromiumPdf>.Instance
        );

    private static string Html(string title) =>
        "<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Minnesanteckningar</title>"
        + "<style>@page{size:A4;margin:18mm 16mm}body{font-family:'DejaVu Sans',sans-serif}</style></head>"
        + $"<body><h1>{title} mötet</h1><h2>§ 1 Årsredovisning</h2>"
        + "<p>Beslut: kommittén godkänner årsredovisningen</p></body></html>";
}
