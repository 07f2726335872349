using Governance.Meetings;
using Governance.Municipalities;
using Wolverine;
using Wolverine.Attributes;

namespace Governance.Distribution;

/// <summary>
/// Send one delivery. Carried by Wolverine's durable local queue: a crash before the commit sends it again, with the
/// same id. The id is audited: Wolverine's logs of the message and its span (tag delivery.id) name it.
/// </summary>
public record SendDelivery([property: Audit] Guid DeliveryId);

public static class SendDeliveryHandler
{
    public static async Task Handle(
        SendDelivery message,
        IDocumentSession session,
        IMessageBus bus,
        DistributionOptions options,
        EmailSender email,
        WebhookSender webhook,
        ReceiptLinks receipts,
        WebhookSecrets secrets,
        DeliveryOutcomes outcomes,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var stream = await session.Events.FetchForWriting<Delivery>(message.DeliveryId, ct);
        // Nothing to do for an unknown delivery, one already delivered, or one waiting in the dead-letter store.
        if (stream.Aggregate is not { Status: DeliveryStatus.Pending or DeliveryStatus.Failed } delivery)
            return;

        var attempt = delivery.Attempts + 1;
        try
        {
            await SendAsync(delivery, session, email, webhook, receipts, secrets, ct);
            stream.AppendOne(new DeliverySent(delivery.Id, attempt, clock.GetUtcNow()));
            outcomes.Sent(delivery, attempt);
            if (delivery.DocumentKind == DocumentKinds.TerminationNotice)
                await bus.PublishAsync(new RecordPartyInformedByDelivery(delivery.Id));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var error = e.Message.Length > 500 ? e.Message[..500] : e.Message;
            stream.AppendOne(new DeliveryAttemptFailed(delivery.Id, attempt, error, clock.GetUtcNow()));
            var sinceResend = delivery.AttemptsSinceResend + 1;
            if (sinceResend > options.Delays.Count)
            {
                outcomes.AttemptFailed(delivery, attempt, error, retryIn: null);
                stream.AppendOne(new DeliveryDeadLettered(delivery.Id, attempt, error, clock.GetUtcNow()));
                outcomes.DeadLettered(delivery, attempt, error);
            }
            else
            {
                outcomes.AttemptFailed(delivery, attempt, error, options.Delays[sinceResend - 1]);
                await bus.ScheduleAsync(message, options.Delays[sinceResend - 1]);
            }
        }
    }

    private static async Task SendAsync(
        Delivery delivery,
        IDocumentSession session,
        EmailSender email,
        WebhookSender webhook,
        ReceiptLinks receipts,
        WebhookSecrets secrets,
        CancellationToken ct
    )
    {
        var document =
            await session.LoadAsync<DistributionDocument>(delivery.DocumentKey, ct)
            ?? throw new DeliveryException($"Dokumentet {delivery.DocumentKey} saknas.");
        var municipality =
            await session.LoadAsync<Municipality>(Municipality.IdFor(delivery.MunicipalityCode), ct)
            ?? throw new DeliveryException($"Kommunen {delivery.MunicipalityCode} finns inte i registret.");
        // The files as bytes, all in one round trip.
        var batch = session.CreateBatchQuery();
        var stored = document.Attachments.Select(a => (a, batch.AddItem(new StoredFileQuery(a.Sha256)))).ToList();
        if (stored.Count > 0)
            await batch.Execute(ct);
        var files = new List<(DocumentAttachment, byte[])>();
        foreach (var (attachment, file) in stored)
        {
            var content = (await file)?.Content ?? throw new DeliveryException($"Filen {attachment.FileName} saknas.");
            files.Add((attachment, content));
        }
        // The channel's current address: a registry that moved its mailbox or webhook gets a retry at the new one.
        var channels = municipality.Channels;
        if (delivery.Channel == DeliveryChannel.Email)
        {
            if (!channels.Email)
                throw new DeliveryException("E-post är inte längre en leveranskanal för kommunen.");
            await email.SendAsync(
                new Outgoing(
                    delivery,
                    document,
                    channels.EmailAddress ?? municipality.RegistryEmail,
                    null,
                    receipts.LinkFor(delivery.Id),
                    files
                ),
                ct
            );
        }
        else
        {
            if (channels.WebhookUrl is null)
                throw new DeliveryException("Kommunen har ingen webhook konfigurerad.");
            await webhook.SendAsync(
                new Outgoing(
                    delivery,
                    document,
                    channels.WebhookUrl,
                    secrets.Reveal(channels),
                    receipts.LinkFor(delivery.Id),
                    files
                ),
                ct
            );
        }
    }
}
