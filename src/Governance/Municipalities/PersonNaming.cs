namespace Governance.Municipalities;

/// <summary>A command that names the holder of a municipality's post from a date on.</summary>
public interface INamesPerson
{
    string PersonName { get; }
    DateOnly From { get; }
    int Version { get; }
}

public abstract class PersonNamingValidator<T> : AbstractValidator<T>
    where T : INamesPerson
{
    protected PersonNamingValidator()
    {
        RuleFor(x => x.PersonName).NotEmpty().MaximumLength(200);
        // From any plausible day, later than today too: an executive board chair elected in May takes office in June,
        // and the register records it when known. Nothing comes before it: the posts are the municipality's own.
        RuleFor(x => x.From).Must(Dates.IsPlausible).WithMessage(Dates.PlausibleMessage);
        RuleFor(x => x.Version).GreaterThan(0);
    }
}
