using System.Text;

namespace Governance.Records.Pdf;

/// <summary>
/// Prints HTML to PDF with the operating system's headless Chromium (Debian's package, in the container image too): the
/// browser that shows the page also lays out the document, and it embeds a subset of every font it uses and writes a
/// tagged PDF with the headings as its outline. One browser and one page in it are kept while documents come (a
/// browser started for each document took 3–6 times as long) and closed when none has come for a while, so an idle
/// service holds no browser. Documents are printed one at a time, each read from a private temporary folder, with
/// scripts off; the HTML is the service's own rendering (every value encoded, no script). A browser that fails a
/// document is not trusted with the next: it is ended, and the next document starts a new one.
/// </summary>
public sealed class ChromiumPdf(IConfiguration configuration, ILogger<ChromiumPdf> logger) : IAsyncDisposable
{
    private static readonly TimeSpan DocumentTimeout = TimeSpan.FromSeconds(90);

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly string _chromium = configuration["Pdf:Chromium"] is { Length: > 0 } path
        ? path
        : "/usr/bin/chromium";
    private readonly TimeSpan _keepIdle = TimeSpan.FromSeconds(
        Math.Max(0, configuration.GetValue("Pdf:KeepBrowserSeconds", 30))
    );
    private DevToolsPipe? _browser;
    private string? _page;
    private CancellationTokenSource? _idle;
    private bool _disposed;

    /// <summary>The browser kept now, if any (operations and tests: which process prints).</summary>
    public int? BrowserProcessId => _browser is { IsClosed: false } browser ? browser.ProcessId : null;

    public async Task<byte[]> PrintAsync(string html, CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct);
        DirectoryInfo? folder = null;
        try
        {
            _idle?.Cancel();
            ObjectDisposedException.ThrowIf(_disposed, this);
            folder = Directory.CreateTempSubdirectory("governance-pdf-");
            var input = Path.Combine(folder.FullName, "document.html");
            await File.WriteAllTextAsync(input, html, new UTF8Encoding(false), ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(DocumentTimeout);
            return await PrintInBrowserAsync(new Uri(input).AbsoluteUri, timeout.Token);
        }
        finally
        {
            if (!_disposed)
            {
                _idle = new CancellationTokenSource();
                _ = CloseWhenIdleAsync(_idle.Token);
            }
            _oneAtATime.Release();
            try
            {
                folder?.Delete(recursive: true);
            }
            catch (IOException) { }
        }
    }

    /// <summary>Prints in the kept browser, or a new one; a browser that fails a document is ended.</summary>
    private async Task<byte[]> PrintInBrowserAsync(string url, CancellationToken ct)
    {
        var started = false;
        try
        {
            if (_browser is not { IsClosed: false } || _page is null)
            {
                await CloseBrowserAsync();
                _browser = DevToolsPipe.Start(_chromium);
                started = true;
                _page = await OpenPageAsync(_browser, ct);
            }
            return await PrintPageAsync(_browser, _page, url, ct);
        }
        catch when (!started && _browser is { IsClosed: true } && !ct.IsCancellationRequested)
        {
            // The kept browser had ended by itself (killed, or crashed while idle): once more, in a new one.
            await CloseBrowserAsync();
            return await PrintInBrowserAsync(url, ct);
        }
        catch
        {
            await CloseBrowserAsync();
            throw;
        }
    }

    /// <summary>The page documents are printed in, in turn: its renderer is started once, with the browser.</summary>
    private static async Task<string> OpenPageAsync(DevToolsPipe browser, CancellationToken ct)
    {
        var created = await browser.SendAsync("Target.createTarget", new { url = "about:blank" }, null, ct);
        var target = created.GetProperty("targetId").GetString();
        var attached = await browser.SendAsync(
            "Target.attachToTarget",
            new { targetId = target, flatten = true },
            null,
            ct
        );
        var page = attached.GetProperty("sessionId").GetString()!;
        await browser.SendAsync("Emulation.setScriptExecutionDisabled", new { value = true }, page, ct);
        await browser.SendAsync("Page.enable", null, page, ct);
        await browser.SendAsync("Page.setLifecycleEventsEnabled", new { enabled = true }, page, ct);
        return page;
    }

    private static async Task<byte[]> PrintPageAsync(
        DevToolsPipe browser,
        string page,
        string url,
        CancellationToken ct
    )
    {
        // Loaded is the load of this document's own loader, found by its address when it commits: a load event of the
        // page before (the blank page a new browser opens with) is not taken for it.
        string? loader = null;
        var committed = browser.NextEventAsync(
            page,
            "Page.frameNavigated",
            e =>
            {
                var frame = e.GetProperty("frame");
                if (frame.TryGetProperty("parentId", out _) || frame.GetProperty("url").GetString() != url)
                    return false;
                loader = frame.GetProperty("loaderId").GetString();
                return true;
            },
            ct
        );
        var loaded = browser.NextEventAsync(
            page,
            "Page.lifecycleEvent",
            e =>
                loader is not null
                && e.GetProperty("name").GetString() == "load"
                && e.GetProperty("loaderId").GetString() == loader,
            ct
        );
        var navigated = await browser.SendAsync("Page.navigate", new { url }, page, ct);
        if (navigated.TryGetProperty("errorText", out var error))
            throw new InvalidOperationException($"Chromium could not open the document: {error}");
        await committed;
        await loaded;
        // As the command line's --print-to-pdf with --no-pdf-header-footer and --generate-pdf-document-outline.
        var printed = await browser.SendAsync(
            "Page.printToPDF",
            new
            {
                displayHeaderFooter = false,
                printBackground = true,
                preferCSSPageSize = true,
                generateTaggedPDF = true,
                generateDocumentOutline = true,
            },
            page,
            ct
        );
        return Convert.FromBase64String(printed.GetProperty("data").GetString()!);
    }

    private async Task CloseWhenIdleAsync(CancellationToken idle)
    {
        try
        {
            await Task.Delay(_keepIdle, idle);
            await _oneAtATime.WaitAsync(idle);
            try
            {
                await CloseBrowserAsync();
            }
            finally
            {
                _oneAtATime.Release();
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task CloseBrowserAsync()
    {
        if (_browser is not { } browser)
            return;
        _browser = null;
        _page = null;
        try
        {
            await browser.DisposeAsync();
        }
        catch (Exception e)
        {
            // Logged, not thrown: it would hide the document's own error, or go unobserved from the idle close.
            logger.LogWarning(e, "Chromium did not close cleanly");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _idle?.Cancel();
        await _oneAtATime.WaitAsync();
        try
        {
            _disposed = true;
            await CloseBrowserAsync();
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
