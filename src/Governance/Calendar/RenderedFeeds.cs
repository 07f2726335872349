using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Governance.Distribution;
using Microsoft.Net.Http.Headers;

namespace Governance.Calendar;

/// <summary>
/// The public feeds as last rendered, each kept under the fingerprint of what it shows (<see cref="FeedFingerprint"/>).
/// Calendar programs and feed readers poll: a poll reads the fingerprint alone and is served the kept copy while it
/// is unchanged, and a subscriber that sends the copy's ETag gets 304. Every node reads the fingerprint from the
/// database, so no node serves a copy older than the record. One copy per feed: memory does not grow with polls.
/// </summary>
public sealed class RenderedFeeds(DistributionOptions options)
{
    private sealed record Rendered(string ETag, byte[] Body);

    /// <summary>A new build may render the same record differently: its copies must not pass for old ones.</summary>
    private static readonly string Build = typeof(RenderedFeeds).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private readonly ConcurrentDictionary<string, Rendered> _latest = new(StringComparer.Ordinal);

    public async Task<IResult> ServeAsync(
        HttpContext http,
        string feed,
        string fingerprint,
        string contentType,
        Func<Task<string>> render
    )
    {
        var etag = ETagOf(feed, fingerprint);
        http.Response.Headers.ETag = etag;
        // Subscribers revalidate: the ETag answers whether anything they show has changed since.
        http.Response.Headers.CacheControl = "no-cache";
        if (Matches(http.Request.GetTypedHeaders().IfNoneMatch, etag))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        if (!_latest.TryGetValue(feed, out var kept) || kept.ETag != etag)
        {
            kept = new Rendered(etag, Encoding.UTF8.GetBytes(await render()));
            _latest[feed] = kept;
        }
        return Results.Bytes(kept.Body, contentType);
    }

    /// <summary>
    /// Weak: copies rendered at other times or on other nodes differ in their stamp of when they were made (and a
    /// proxy may compress them), not in what they show. The build and the public address are rendered in as well.
    /// </summary>
    private string ETagOf(string feed, string fingerprint)
    {
        var shown = $"{Build}\n{options.PublicBaseUrl}\n{feed}\n{fingerprint}";
        return $"W/\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(shown)).AsSpan(0, 16))}\"";
    }

    private static bool Matches(IList<EntityTagHeaderValue> ifNoneMatch, string etag)
    {
        var current = EntityTagHeaderValue.Parse(etag);
        return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, false));
    }
}
