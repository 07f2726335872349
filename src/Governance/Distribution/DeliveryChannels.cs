using Governance.Municipalities;

namespace Governance.Distribution;

/// <summary>
/// How a municipality's registry receives documents: e-mail (to the registry address unless another is given) and/or a
/// webhook. The webhook's secret is stored encrypted (<see cref="WebhookSecrets"/>); `WebhookSecret` holds a plain one
/// only in events recorded before secrets were encrypted, until `protect-webhook-secrets` has run.
/// </summary>
public sealed record Channels(
    bool Email,
    string? EmailAddress,
    string? WebhookUrl,
    string? WebhookSecret,
    string? ProtectedWebhookSecret = null
)
{
    /// <summary>Until configured otherwise: e-mail to the registry address of the register.</summary>
    public static readonly Channels Default = new(true, null, null, null);

    public bool HasWebhookSecret => WebhookSecret is not null || ProtectedWebhookSecret is not null;
}

public record DeliveryChannelsConfigured(
    Guid MunicipalityId,
    Channels Channels,
    string ConfiguredBy,
    DateTimeOffset ConfiguredAt
);

public record ConfigureDeliveryChannels(
    bool Email,
    string? EmailAddress,
    string? WebhookUrl,
    string? WebhookSecret,
    int Version
)
{
    public const string SecretNeeded = "En webhook behöver en delad hemlighet på minst 16 tecken för signaturen.";

    /// <summary>For the same address the secret already stored is kept: it is never shown, so not retyped.</summary>
    public bool KeepsStoredSecret(Channels current) =>
        string.IsNullOrEmpty(WebhookSecret)
        && WebhookUrl is not null
        && WebhookUrl == current.WebhookUrl
        && current.HasWebhookSecret;

    /// <summary>The channels to record, with the secret given (or kept) in its encrypted form only.</summary>
    public Channels ToChannels(Channels current, WebhookSecrets secrets) =>
        new(
            Email,
            EmailAddress,
            WebhookUrl,
            null,
            WebhookUrl is null ? null
                : KeepsStoredSecret(current) ? secrets.Protected(current)
                : secrets.Protect(WebhookSecret!)
        );

    public class Validator : AbstractValidator<ConfigureDeliveryChannels>
    {
        public Validator()
        {
            RuleFor(x => x.EmailAddress)
                .Must(a => a is null || MunicipalityRules.IsRegistryEmail(a))
                .WithMessage("E-postadressen är inte giltig.");
            RuleFor(x => x.WebhookUrl)
                .Must(u =>
                    u is null || (Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
                )
                .WithMessage("Ange webhookens fullständiga adress (https://…).");
            // Where it may point (https, not inside the network) is checked with DNS in ValidateAsync.
            RuleFor(x => x.WebhookSecret)
                .MinimumLength(16)
                .When(x => !string.IsNullOrEmpty(x.WebhookSecret))
                .WithMessage(SecretNeeded);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class ConfigureDeliveryChannelsEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(
        ConfigureDeliveryChannels command,
        Municipality municipality,
        WebhookConnections webhooks,
        CancellationToken ct
    )
    {
        var errors = new Dictionary<string, string[]>();
        if (command.WebhookUrl is not null && await webhooks.RefuseAsync(command.WebhookUrl, ct) is { } refused)
            errors["webhookUrl"] = [refused];
        if (
            command.WebhookUrl is not null
            && string.IsNullOrEmpty(command.WebhookSecret)
            && !command.KeepsStoredSecret(municipality.Channels)
        )
            errors["webhookSecret"] = [ConfigureDeliveryChannels.SecretNeeded];
        return errors.Count == 0
            ? WolverineContinue.NoProblems
            : new ValidationProblemDetails(errors)
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Uppgifterna är inte giltiga",
                Detail = "Rätta fälten nedan och försök igen.",
            };
    }

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/municipalities/{municipalityId}/channels", OperationId = nameof(ConfigureDeliveryChannels))]
    public static (UpdatedAggregate, DeliveryChannelsConfigured) Post(
        ConfigureDeliveryChannels command,
        [WriteAggregate] Municipality municipality,
        WebhookSecrets secrets,
        ClaimsPrincipal user,
        TimeProvider clock
    ) =>
        (
            new UpdatedAggregate(),
            new DeliveryChannelsConfigured(
                municipality.Id,
                command.ToChannels(municipality.Channels, secrets),
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
}
