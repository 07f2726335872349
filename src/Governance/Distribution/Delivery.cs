using Governance.Infrastructure.Ids;

namespace Governance.Distribution;

public enum DeliveryChannel
{
    Email,
    Webhook,
}

public enum DeliveryStatus
{
    Pending,
    Failed,
    Sent,
    DeadLettered,
    Acknowledged,
}

// Events of one delivery: a document to one municipality over one channel.

[Audit.RecordedByService("Utskickstjänsten")]
public record DeliveryRequested(
    Guid DeliveryId,
    string DocumentKey,
    string DocumentKind,
    string Title,
    string MunicipalityCode,
    DeliveryChannel Channel,
    string Address,
    DateTimeOffset RequestedAt
);

[Audit.RecordedByService("Utskickstjänsten")]
public record DeliveryAttemptFailed(Guid DeliveryId, int Attempt, string Error, DateTimeOffset FailedAt);

[Audit.RecordedByService("Utskickstjänsten")]
public record DeliverySent(Guid DeliveryId, int Attempt, DateTimeOffset SentAt);

/// <summary>
/// The last retry failed: the delivery waits in the dead-letter store until the secretary resends it.
/// </summary>
[Audit.RecordedByService("Utskickstjänsten")]
public record DeliveryDeadLettered(Guid DeliveryId, int Attempts, string Error, DateTimeOffset DeadLetteredAt);

public record DeliveryResendRequested(Guid DeliveryId, string RequestedBy, DateTimeOffset RequestedAt);

/// <summary>The registry acknowledged receipt, with its own registration number (diarienummer).</summary>
public record ReceiptAcknowledged(
    Guid DeliveryId,
    string Diarienummer,
    string AcknowledgedBy,
    DateTimeOffset AcknowledgedAt
);

/// <summary>
/// The same document's delivery to the same registry on another channel was acknowledged: this one awaits nothing more
/// (no further attempt, no resending, no duty) and carries that receipt's registration number.
/// </summary>
public record ReceiptOnOtherChannelAcknowledged(
    Guid DeliveryId,
    Guid AcknowledgedDeliveryId,
    string Diarienummer,
    string AcknowledgedBy,
    DateTimeOffset AcknowledgedAt
);

// "Det finns ingen leverans …": the name with its negative article, by the noun's gender.
[System.ComponentModel.DisplayName("ingen leverans")]
public sealed partial class Delivery
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public string DocumentKey { get; set; } = "";
    public string DocumentKind { get; set; } = "";
    public string Title { get; set; } = "";
    public string MunicipalityCode { get; set; } = "";
    public DeliveryChannel Channel { get; set; }
    public string Address { get; set; } = "";
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public int AttemptsSinceResend { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? Diarienummer { get; set; }

    public static Guid IdFor(string documentKey, string municipalityCode, DeliveryChannel channel) =>
        DeterministicGuid.For("delivery", $"{documentKey}|{municipalityCode}|{channel}");

    public static Delivery Create(DeliveryRequested e) =>
        new()
        {
            Id = e.DeliveryId,
            DocumentKey = e.DocumentKey,
            DocumentKind = e.DocumentKind,
            Title = e.Title,
            MunicipalityCode = e.MunicipalityCode,
            Channel = e.Channel,
            Address = e.Address,
            Status = DeliveryStatus.Pending,
            // In UTC, as its indexed column holds it (PostgreSQL's timestamptz takes no other offset).
            RequestedAt = e.RequestedAt.ToUniversalTime(),
        };

    public void Apply(DeliveryAttemptFailed e) =>
        (Status, Attempts, AttemptsSinceResend, LastError) = (
            DeliveryStatus.Failed,
            Attempts + 1,
            AttemptsSinceResend + 1,
            e.Error
        );

    public void Apply(DeliverySent e) => (Status, Attempts, SentAt) = (DeliveryStatus.Sent, Attempts + 1, e.SentAt);

    public void Apply(DeliveryDeadLettered e) => (Status, LastError) = (DeliveryStatus.DeadLettered, e.Error);

    public void Apply(DeliveryResendRequested e) => (Status, AttemptsSinceResend) = (DeliveryStatus.Pending, 0);

    public void Apply(ReceiptAcknowledged e) =>
        (Status, AcknowledgedAt, Diarienummer) = (DeliveryStatus.Acknowledged, e.AcknowledgedAt, e.Diarienummer);

    public void Apply(ReceiptOnOtherChannelAcknowledged e) =>
        (Status, AcknowledgedAt, Diarienummer) = (DeliveryStatus.Acknowledged, e.AcknowledgedAt, e.Diarienummer);

    public bool IsDelivered => Status is DeliveryStatus.Sent or DeliveryStatus.Acknowledged;
}
