using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Governance.Distribution;

/// <summary>
/// Webhook signatures by the Standard Webhooks specification (standardwebhooks.com), so a registry verifies a delivery
/// with an off-the-shelf library: `webhook-id` (the delivery id, the same on every retry), `webhook-timestamp` (Unix
/// seconds) and `webhook-signature: v1,base64(HMAC-SHA256(key, id + "." + timestamp + "." + body))`. The key is the
/// shared secret: given as `whsec_…` it is the base64 after the prefix, as the specification's libraries take it;
/// any other secret is its UTF-8 bytes, which a library takes as `whsec_` + base64 of those bytes.
/// The earlier headers (X-Governance-Timestamp, X-Governance-Signature) are still sent for receivers not yet switched.
/// </summary>
public static class WebhookSignature
{
    public const string Prefix = "whsec_";

    public static byte[] Key(string secret) =>
        secret.StartsWith(Prefix, StringComparison.Ordinal)
            ? Convert.FromBase64String(secret[Prefix.Length..])
            : Encoding.UTF8.GetBytes(secret);

    /// <summary>The secret as a Standard Webhooks library takes it.</summary>
    public static string AsStandardSecret(string secret) =>
        secret.StartsWith(Prefix, StringComparison.Ordinal)
            ? secret
            : Prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));

    public static string Standard(string secret, string id, long timestamp, string body) =>
        "v1,"
        + Convert.ToBase64String(
            HMACSHA256.HashData(
                Key(secret),
                Encoding.UTF8.GetBytes($"{id}.{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}")
            )
        );

    /// <summary>The earlier scheme: v1=hex(HMAC-SHA256(secret, timestamp + "." + body)).</summary>
    public static string Legacy(string secret, long timestamp, string body) =>
        "v1="
        + Convert.ToHexStringLower(
            HMACSHA256.HashData(
                Encoding.UTF8.GetBytes(secret),
                Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}")
            )
        );

    public static void Sign(HttpRequestMessage request, string secret, string id, long timestamp, string body)
    {
        var seconds = timestamp.ToString(CultureInfo.InvariantCulture);
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", seconds);
        request.Headers.Add("webhook-signature", Standard(secret, id, timestamp, body));
        request.Headers.Add("X-Governance-Timestamp", seconds);
        request.Headers.Add("X-Governance-Signature", Legacy(secret, timestamp, body));
    }
}
