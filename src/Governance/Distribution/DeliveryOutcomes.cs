using System.Diagnostics;
using System.Diagnostics.Metrics;
using Governance.Hosting.Telemetry;

namespace Governance.Distribution;

/// <summary>
/// What became of each attempt to deliver, told to the operator: a log line (a failed attempt is a warning, a dead
/// letter an error) and the delivery metrics by channel and municipality. The handler's span carries the delivery id
/// (<see cref="SendDelivery"/>).
/// </summary>
public sealed partial class DeliveryOutcomes
{
    private readonly ILogger<DeliveryOutcomes> _logger;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _deadLettered;

    public DeliveryOutcomes(GovernanceMeter meter, ILogger<DeliveryOutcomes> logger)
    {
        _logger = logger;
        _sent = meter.Meter.CreateCounter<long>(
            "governance.deliveries.sent",
            "{delivery}",
            "Deliveries made, by channel and municipality"
        );
        _failed = meter.Meter.CreateCounter<long>(
            "governance.delivery_attempts.failed",
            "{attempt}",
            "Failed delivery attempts (each retried until the last), by channel and municipality"
        );
        _deadLettered = meter.Meter.CreateCounter<long>(
            "governance.deliveries.dead_lettered",
            "{delivery}",
            "Deliveries that failed their last retry and wait for the secretary, by channel and municipality"
        );
    }

    public void Sent(Delivery delivery, int attempt)
    {
        _sent.Add(1, Tags(delivery));
        LogSent(delivery.Id, delivery.MunicipalityCode, delivery.Channel, attempt);
    }

    /// <summary>One attempt failed; <paramref name="retryIn"/> is null when it was the last.</summary>
    public void AttemptFailed(Delivery delivery, int attempt, string cause, TimeSpan? retryIn)
    {
        _failed.Add(1, Tags(delivery));
        var (id, code, channel) = (delivery.Id, delivery.MunicipalityCode, delivery.Channel);
        if (retryIn is { } delay)
            LogAttemptFailed(id, code, channel, attempt, cause, delay);
        else
            LogLastAttemptFailed(id, code, channel, attempt, cause);
    }

    public void DeadLettered(Delivery delivery, int attempt, string cause)
    {
        _deadLettered.Add(1, Tags(delivery));
        LogDeadLettered(delivery.Id, delivery.MunicipalityCode, delivery.Channel, attempt, cause);
    }

    private static TagList Tags(Delivery delivery) =>
        new() { { "channel", ChannelName(delivery.Channel) }, { "municipality", delivery.MunicipalityCode } };

    private static string ChannelName(DeliveryChannel channel) =>
        channel == DeliveryChannel.Email ? "email" : "webhook";

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Delivery {DeliveryId} to {MunicipalityCode} by {Channel} sent on attempt {Attempt}"
    )]
    private partial void LogSent(Guid deliveryId, string municipalityCode, DeliveryChannel channel, int attempt);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Delivery {DeliveryId} to {MunicipalityCode} by {Channel} "
            + "failed on attempt {Attempt}: {Cause}; retry in {RetryIn}"
    )]
    private partial void LogAttemptFailed(
        Guid deliveryId,
        string municipalityCode,
        DeliveryChannel channel,
        int attempt,
        string cause,
        TimeSpan retryIn
    );

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Delivery {DeliveryId} to {MunicipalityCode} by {Channel} "
            + "failed on attempt {Attempt}: {Cause}; no retry left"
    )]
    private partial void LogLastAttemptFailed(
        Guid deliveryId,
        string municipalityCode,
        DeliveryChannel channel,
        int attempt,
        string cause
    );

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Delivery {DeliveryId} to {MunicipalityCode} by {Channel} "
            + "dead-lettered after attempt {Attempt}: {Cause}. It waits for the secretary to resend it"
    )]
    private partial void LogDeadLettered(
        Guid deliveryId,
        string municipalityCode,
        DeliveryChannel channel,
        int attempt,
        string cause
    );
}
