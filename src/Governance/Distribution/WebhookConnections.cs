using System.Net;
using System.Net.Sockets;

namespace Governance.Distribution;

/// <summary>
/// The webhook address rule (<see cref="WebhookAddresses"/>) applied twice: when the secretary configures an address
/// (its host name resolved then) and on every connection made to send. DNS may answer differently by then, so the
/// name is resolved again and the socket connects to exactly the addresses just checked: no second lookup that a
/// rebinding name server could answer with an inside address.
/// </summary>
public sealed class WebhookConnections(bool development)
{
    public const string ClientName = "webhooks";

    /// <summary>Why the address may not be configured (for the webhookUrl field), or null.</summary>
    public async Task<string?> RefuseAsync(string webhookUrl, CancellationToken ct)
    {
        if (!Uri.TryCreate(webhookUrl, UriKind.Absolute, out var url))
            return "Ange webhookens fullständiga adress (https://…).";
        if (WebhookAddresses.RefuseScheme(url, development) is { } scheme)
            return scheme;
        if (development && url.Scheme == "https")
            return null; // a developer's receiver may be anywhere
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(url.IdnHost, ct);
        }
        catch (SocketException)
        {
            return $"Namnet {url.Host} finns inte (DNS); kontrollera adressen.";
        }
        return FirstRefusal(url, addresses);
    }

    /// <summary>The handler of the webhook client: every connection goes through the check.</summary>
    public SocketsHttpHandler Handler() =>
        new()
        {
            ConnectCallback = ConnectAsync,
            UseProxy = false, // the address checked must be the one connected to, not a proxy's
            AllowAutoRedirect = false, // a redirect is not a 2xx: the attempt failed, and nothing is sent on elsewhere
        };

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var url = context.InitialRequestMessage.RequestUri!;
        var addresses = await ResolveAsync(context.DnsEndPoint.Host, ct);
        var refused = WebhookAddresses.RefuseScheme(url, development) ?? FirstRefusal(url, addresses);
        if (refused is not null)
            throw new WebhookAddressRefused($"Skickades inte: {refused}");

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private string? FirstRefusal(Uri url, IEnumerable<IPAddress> addresses) =>
        addresses.Select(a => WebhookAddresses.RefuseAddress(url, a, development)).FirstOrDefault(r => r is not null);

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, ct);
}

/// <summary>A connection the address rule refused; the sender records its message as the attempt's error.</summary>
public sealed class WebhookAddressRefused(string message) : Exception(message);
