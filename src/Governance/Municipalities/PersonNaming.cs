namespace Governance.Municipalities;

/// <summary>A command that names the holder of a municipality's post from a date on.</summary>
public interface INamesPerson
{
    string PersonName { get; }
    DateOnly From { get; }
    int Version { get; }
}

public abstract class PersonNamingValidator<T> : AbstractValidator<T> where T : INamesPerson
{
    protected PersonNamingValidator()
    {
        RuleFor(x => x.PersonName).NotEmpty().MaximumLength(200);
        RuleFor(x => x.From).Must(Dates.IsPlausible).WithMessage(Dates.PlausibleMessage);
        RuleFor(x => x.Version).GreaterThan(0);
    }
}
