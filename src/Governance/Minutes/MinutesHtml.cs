using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Governance.Minutes;

/// <summary>
/// The minutes as HTML in Swedish, from one template (<see cref="MinutesView"/>, a Razor component) rendered outside a
/// request by Blazor's <see cref="HtmlRenderer"/>: the minutes page, the printable copy, the e-mail, the webhook and
/// the PDF.
/// </summary>
public static class MinutesHtml
{
    public const string Style =
        "body{font-family:Georgia,'Times New Roman','Liberation Serif','DejaVu Serif',serif;\n"
        + "max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#111}\n"
        + "h1{font-size:1.5rem;margin-bottom:.2rem}"
        + "h2{font-size:1.1rem;margin-top:1.6rem;border-bottom:1px solid #999}\n"
        + ".meta{color:#333}.status{display:inline-block;border:1px solid #333;padding:0 .4rem;font-size:.85rem}\n"
        + "table{border-collapse:collapse;width:100%}"
        + "td,th{text-align:left;padding:.15rem .5rem .15rem 0;vertical-align:top}\n"
        + ".outcome{margin:.3rem 0 .3rem 1rem}.quorum,.correction,.anchor{font-size:.85rem;color:#333}\n"
        + ".anchor code{word-break:break-all}\n"
        + "@page{size:A4;margin:18mm 16mm}\n"
        + "@media print{body{margin:0;max-width:none;font-size:11pt}a{color:inherit;text-decoration:none}"
        + "h2{break-after:avoid}.item{break-inside:avoid}}";

    /// <summary>
    /// The printable copy keeps its style inside (a registry files one self-contained document), so its answer allows
    /// that one style block by its hash and nothing else: no script, no other style.
    /// </summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Hash(Style)}'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static string Hash(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>Renders the minutes' components to HTML outside a request, each time in a scope of its own.</summary>
public sealed class MinutesRenderer(IServiceScopeFactory scopes, ILoggerFactory logging)
{
    /// <summary>
    /// The whole printable document (the page around <see cref="MinutesView"/>), as registries file it.
    /// </summary>
    public async Task<string> DocumentAsync(MinutesDocument minutes) =>
        "<!DOCTYPE html>" + await RenderAsync<MinutesPrintable>(minutes);

    /// <summary>The minutes without the page around them: for the minutes screen.</summary>
    public Task<string> ContentAsync(MinutesDocument minutes) => RenderAsync<MinutesView>(minutes);

    private async Task<string> RenderAsync<TComponent>(MinutesDocument minutes)
        where TComponent : IComponent
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, logging);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(
                ParameterView.FromDictionary(new Dictionary<string, object?> { ["Minutes"] = minutes })
            );
            return output.ToHtmlString();
        });
    }
}
