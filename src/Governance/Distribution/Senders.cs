using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Governance.Hosting.Settings;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Governance.Distribution;

/// <summary>One document to one registry, with everything the channel needs.</summary>
public sealed record Outgoing(
    Delivery Delivery,
    DistributionDocument Document,
    string Address,
    string? WebhookSecret,
    string ReceiptLink,
    IReadOnlyList<(DocumentAttachment Attachment, byte[] Content)> Files
);

/// <summary>
/// E-mail over SMTP (MailKit): the document as HTML, its files attached, the delivery id as Message-ID.
/// </summary>
public sealed class EmailSender(DistributionOptions options, SmtpOptions smtp)
{
    public async Task SendAsync(Outgoing outgoing, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(smtp.Host))
            throw new DeliveryException("Ingen SMTP-server är konfigurerad (Smtp:Host).");
        var message = new MimeMessage { Subject = outgoing.Document.Title };
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(outgoing.Address));
        // A retry carries the same Message-ID: the registry can tell it is the same delivery.
        message.MessageId = $"{outgoing.Delivery.Id:N}@governance";
        message.Headers.Add("X-Governance-Delivery", outgoing.Delivery.Id.ToString());
        var body = new BodyBuilder
        {
            HtmlBody = outgoing.Document.Html.Replace(
                "</main>",
                "<hr><p>Kvittera mottagandet och ange ert diarienummer: "
                    + $"<a href=\"{outgoing.ReceiptLink}\">{outgoing.ReceiptLink}</a></p></main>",
                StringComparison.Ordinal
            ),
            TextBody = $"{outgoing.Document.Title}\n\nKvittera mottagandet: {outgoing.ReceiptLink}",
        };
        foreach (var (attachment, content) in outgoing.Files)
            body.Attachments.Add(attachment.FileName, content, ContentType.Parse(attachment.ContentType));
        message.Body = body.ToMessageBody();

        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.SecureSocket, ct);
        if (!string.IsNullOrEmpty(smtp.Username))
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}

/// <summary>
/// A signed HTTPS POST of the document as JSON: Idempotency-Key (the delivery id) and the Standard Webhooks signature
/// (<see cref="WebhookSignature"/>).
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider clock)
{
    public async Task SendAsync(Outgoing outgoing, CancellationToken ct)
    {
        var d = outgoing.Delivery;
        var body = JsonSerializer.Serialize(
            new
            {
                deliveryId = d.Id,
                documentKey = d.DocumentKey,
                kind = d.DocumentKind,
                title = outgoing.Document.Title,
                municipalityCode = d.MunicipalityCode,
                html = outgoing.Document.Html,
                receiptLink = outgoing.ReceiptLink,
                attachments = outgoing.Files.Select(f => new
                {
                    title = f.Attachment.Title,
                    fileName = f.Attachment.FileName,
                    contentType = f.Attachment.ContentType,
                    sha256 = f.Attachment.Sha256,
                    content = Convert.ToBase64String(f.Content),
                }),
            }
        );
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, outgoing.Address)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", d.Id.ToString());
        WebhookSignature.Sign(request, outgoing.WebhookSecret!, d.Id.ToString(), timestamp, body);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Governance", "1.0"));
        using var response = await SendCheckedAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new DeliveryException($"Webhooken svarade {(int)response.StatusCode} {response.ReasonPhrase}.");
    }

    private async Task<HttpResponseMessage> SendCheckedAsync(HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            return await clients.CreateClient(WebhookConnections.ClientName).SendAsync(request, ct);
        }
        catch (HttpRequestException e) when (e.InnerException is WebhookAddressRefused refused)
        {
            throw new DeliveryException(refused.Message);
        }
    }
}

public sealed class DeliveryException(string message) : Exception(message);
