using System.Diagnostics;
using System.Text;

namespace Governance.Records.Pdf;

/// <summary>
/// Prints HTML to PDF with the operating system's headless Chromium (Debian's package, in the container image too): the
/// browser that shows the page also lays out the document, and it embeds a subset of every font it uses and writes a
/// tagged PDF. One process per document, read from a private temporary folder; the HTML is the service's own
/// rendering (every value encoded, no script).
/// </summary>
public sealed class ChromiumPdf(IConfiguration configuration)
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);
    private readonly string _chromium = configuration["Pdf:Chromium"] is { Length: > 0 } path
        ? path
        : "/usr/bin/chromium";

    public async Task<byte[]> PrintAsync(string html, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("governance-pdf-");
        await OneAtATime.WaitAsync(ct);
        try
        {
            var input = Path.Combine(folder.FullName, "document.html");
            var output = Path.Combine(folder.FullName, "document.pdf");
            await File.WriteAllTextAsync(input, html, new UTF8Encoding(false), ct);
            var start = new ProcessStartInfo(_chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                ArgumentList =
                {
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-extensions",
                    "--no-first-run",
                    "--no-pdf-header-footer",
                    "--generate-pdf-document-outline",
                    $"--user-data-dir={Path.Combine(folder.FullName, "profile")}",
                    $"--print-to-pdf={output}",
                    new Uri(input).AbsoluteUri,
                },
            };
            using var process =
                Process.Start(start) ?? throw new InvalidOperationException($"{_chromium} did not start.");
            var errors = process.StandardError.ReadToEndAsync(ct);
            _ = process.StandardOutput.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            if (!File.Exists(output) || new FileInfo(output).Length == 0)
                throw new InvalidOperationException($"Chromium wrote no PDF (exit {process.ExitCode}): {await errors}");
            return await File.ReadAllBytesAsync(output, ct);
        }
        finally
        {
            OneAtATime.Release();
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException) { }
        }
    }
}
