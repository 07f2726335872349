using Governance.Municipalities;

namespace Governance.Distribution;

/// <summary>How a municipality's registry receives documents: e-mail (to the registry address unless another is given) and/or a webhook.</summary>
public sealed record Channels(bool Email, string? EmailAddress, string? WebhookUrl, string? WebhookSecret)
{
    /// <summary>Until configured otherwise: e-mail to the registry address of the register.</summary>
    public static readonly Channels Default = new(true, null, null, null);
}

public record DeliveryChannelsConfigured(Guid MunicipalityId, Channels Channels, string ConfiguredBy, DateTimeOffset ConfiguredAt);

public record ConfigureDeliveryChannels(bool Email, string? EmailAddress, string? WebhookUrl, string? WebhookSecret, int Version)
{
    public const string SecretNeeded = "En webhook behöver en delad hemlighet på minst 16 tecken för signaturen.";

    /// <summary>The secret to store: the one given, or for the same address the one already stored (it is never shown, so not retyped).</summary>
    public string? SecretGiven(Channels current) =>
        !string.IsNullOrEmpty(WebhookSecret) ? WebhookSecret : WebhookUrl is not null && WebhookUrl == current.WebhookUrl ? current.WebhookSecret : null;

    public class Validator : AbstractValidator<ConfigureDeliveryChannels>
    {
        public Validator()
        {
            RuleFor(x => x.EmailAddress).Must(a => a is null || MunicipalityRules.IsRegistryEmail(a)).WithMessage("E-postadressen är inte giltig.");
            RuleFor(x => x.WebhookUrl).Must(u => u is null || (Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
                .WithMessage("Ange webhookens fullständiga adress (https://…).");
            // Where it may point (https, not inside the network) is checked with DNS in ValidateAsync.
            RuleFor(x => x.WebhookSecret).MinimumLength(16).When(x => !string.IsNullOrEmpty(x.WebhookSecret))
                .WithMessage(SecretNeeded);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class ConfigureDeliveryChannelsEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(ConfigureDeliveryChannels command, Municipality municipality,
        WebhookConnections webhooks, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (command.WebhookUrl is not null && await webhooks.RefuseAsync(command.WebhookUrl, ct) is { } refused)
            errors["webhookUrl"] = [refused];
        if (command.WebhookUrl is not null && command.SecretGiven(municipality.Channels) is null)
            errors["webhookSecret"] = [ConfigureDeliveryChannels.SecretNeeded];
        return errors.Count == 0 ? WolverineContinue.NoProblems : new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Uppgifterna är inte giltiga",
            Detail = "Rätta fälten nedan och försök igen.",
        };
    }

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/municipalities/{municipalityId}/channels", OperationId = nameof(ConfigureDeliveryChannels))]
    public static (UpdatedAggregate, DeliveryChannelsConfigured) Post(
        ConfigureDeliveryChannels command, [WriteAggregate] Municipality municipality, ClaimsPrincipal user, TimeProvider clock) =>
        (new UpdatedAggregate(), new DeliveryChannelsConfigured(municipality.Id,
            new Channels(command.Email, command.EmailAddress, command.WebhookUrl, command.SecretGiven(municipality.Channels)), user.ActorName(), clock.GetUtcNow()));
}
