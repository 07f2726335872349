namespace Governance.Infrastructure.Time;

/// <summary>Date checks of a command's fields that need only the clock: a 400 naming the field.</summary>
public static class DateValidation
{
    /// <summary>The date of something that has happened: not later than today in Stockholm.</summary>
    /// <remarks>Validators are singletons: the clock is read at each validation, not once at construction.</remarks>
    public static IRuleBuilderOptions<T, DateOnly> HasHappened<T>(
        this IRuleBuilder<T, DateOnly> rule,
        TimeProvider clock
    ) =>
        rule.Must(date => Dates.HasHappenedBy(date, clock.Today()))
            .WithMessage(_ => Dates.FutureMessage(clock.Today()));

    /// <summary>A plausible date of something that has happened.</summary>
    public static IRuleBuilderOptions<T, DateOnly> PlausibleAndHappened<T>(
        this IRuleBuilder<T, DateOnly> rule,
        TimeProvider clock
    ) => rule.Must(Dates.IsPlausible).WithMessage(Dates.PlausibleMessage).HasHappened(clock);
}
