namespace Governance.Infrastructure.Validation;

/// <summary>
/// A request type's validators, built when the first request of that type is validated. FluentValidation compiles
/// each rule's expression as it builds a validator: injected directly, every endpoint's validators were built while
/// the service started (a fifth of a second on two cores) instead of when each is first used.
/// </summary>
public sealed class RequestValidators<T>(IServiceProvider services)
{
    // A validator whose construction fails is tried again by the next request, not remembered as failed.
    private readonly Lazy<IValidator<T>[]> _all = new(
        () => [.. services.GetServices<IValidator<T>>()],
        LazyThreadSafetyMode.PublicationOnly
    );

    public IReadOnlyList<IValidator<T>> All => _all.Value;
}
