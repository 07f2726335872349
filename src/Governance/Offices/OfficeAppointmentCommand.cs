using Governance.Municipalities;

namespace Governance.Offices;

/// <summary>
/// A command that appoints an office holder for a calendar year, from 1 January or a later date of it.
/// </summary>
public interface IAppointsOfficeHolder
{
    int Year { get; }
    string MunicipalityCode { get; }
    string PersonName { get; }
    DateOnly? From { get; }
    int Version { get; }
    Appointment ToAppointment();
}

public abstract class OfficeAppointmentValidator<T> : AbstractValidator<T>
    where T : IAppointsOfficeHolder
{
    protected OfficeAppointmentValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(Dates.FirstYear, Dates.LastYear);
        RuleFor(x => x.MunicipalityCode)
            .Must(MunicipalityRules.IsMunicipalityCode)
            .WithMessage(MunicipalityRules.CodeMessage);
        RuleFor(x => x.PersonName).NotEmpty().MaximumLength(200);
        // Within the year of office, later than today too: the committee elects next year's chair in December. What it
        // depends on, membership and the post held on that day, is the rule's (OfficeRules.CanAppoint).
        RuleFor(x => x.From)
            .Must((c, from) => from is null || from.Value.Year == c.Year)
            .WithMessage("Datumet ska ligga inom mandatåret.");
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}
