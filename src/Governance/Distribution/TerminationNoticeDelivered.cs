using Governance.Agreement;
using Wolverine;

namespace Governance.Distribution;

/// <summary>A termination notice reached one of the other parties: §2's duty to inform it is met.</summary>
public record RecordPartyInformedByDelivery(Guid DeliveryId);

/// <summary>
/// Records the delivery of a termination notice as the chair's informing of that party (§2), in its own message so
/// that a conflict on the agreement's stream is retried without sending anything again.
/// </summary>
public static class RecordPartyInformedByDeliveryHandler
{
    public static async Task Handle(
        RecordPartyInformedByDelivery message,
        IDocumentSession session,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (
            await session.LoadAsync<Delivery>(message.DeliveryId, ct)
            is not { DocumentKind: DocumentKinds.TerminationNotice, SentAt: { } sentAt } delivery
        )
            return;
        var terminating = delivery.DocumentKey[(DocumentKinds.TerminationNotice.Length + 1)..];
        var agreement = await session.Events.FetchForWriting<CooperationAgreement>(CooperationAgreement.TheId, ct);
        if (agreement.Aggregate is null)
            return;
        var informedOn = sentAt.StockholmDate();
        // Informed once: by hand (RecordPartyInformed) or by an earlier delivery on another channel.
        if (
            AgreementRules.CanRecordInformed(agreement.Aggregate, terminating, delivery.MunicipalityCode, informedOn)
            is not null
        )
            return;
        agreement.AppendOne(
            new PartyInformedOfTermination(
                CooperationAgreement.TheId,
                terminating,
                delivery.MunicipalityCode,
                informedOn,
                $"Leverans {delivery.Channel} till {delivery.Address}",
                clock.GetUtcNow()
            )
        );
    }
}
