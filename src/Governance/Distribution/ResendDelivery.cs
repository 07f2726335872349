using Wolverine;

namespace Governance.Distribution;

/// <summary>The secretary sends a failed or dead-lettered delivery again, with the same delivery id.</summary>
public record ResendDelivery(int Version)
{
    public class Validator : AbstractValidator<ResendDelivery>
    {
        public Validator() => RuleFor(x => x.Version).GreaterThan(0);
    }
}

public static class ResendDeliveryEndpoint
{
    public static ProblemDetails Validate(Delivery delivery) => DeliveryRules.CanResend(delivery).OrContinue();

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/distribution/{deliveryId}/resend", OperationId = nameof(ResendDelivery))]
    public static async Task<(UpdatedAggregate, DeliveryResendRequested)> Post(
        ResendDelivery command,
        [WriteAggregate] Delivery delivery,
        IMessageBus bus,
        ClaimsPrincipal user,
        TimeProvider clock
    )
    {
        await bus.PublishAsync(new SendDelivery(delivery.Id));
        return (new UpdatedAggregate(), new DeliveryResendRequested(delivery.Id, user.ActorName(), clock.GetUtcNow()));
    }
}
