using Governance.Infrastructure.Ids;

namespace Governance.Offices;

public sealed record Appointment(Office Office, string MunicipalityCode, string PersonName, DateOnly From);

/// <summary>The offices of one calendar year (§3: elected yearly), with every appointment in order.</summary>
public sealed partial class OfficeYear
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public int Year { get; set; }
    public List<Appointment> Appointments { get; set; } = [];

    public static Guid IdFor(int year) =>
        DeterministicGuid.For("offices", year.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static OfficeYear Create(ChairAppointed e) => new OfficeYear { Id = IdFor(e.Year), Year = e.Year }.With(e);

    public static OfficeYear Create(ViceChairAppointed e) =>
        new OfficeYear { Id = IdFor(e.Year), Year = e.Year }.With(e);

    public void Apply(ChairAppointed e) => With(e);

    public void Apply(ViceChairAppointed e) => With(e);

    /// <summary>
    /// Who holds the office on the date: the latest appointment from that date or earlier, within the year.
    /// </summary>
    public Appointment? HolderOn(Office office, DateOnly date) =>
        date.Year != Year ? null : Appointments.Where(a => a.Office == office && a.From <= date).MaxBy(a => a.From);

    /// <summary>
    /// The day after which the appointment no longer holds: the next appointment to the office, or 31 December.
    /// </summary>
    public DateOnly Until(Appointment appointment) =>
        Appointments
            .Where(a => a.Office == appointment.Office && a.From > appointment.From)
            .Select(a => (DateOnly?)a.From.AddDays(-1))
            .Min()
        ?? new DateOnly(Year, 12, 31);

    private OfficeYear With(ChairAppointed e)
    {
        var office = e.Body == Body.Committee ? Office.CommitteeChair : Office.ManagementGroupChair;
        Add(new Appointment(office, e.MunicipalityCode, e.PersonName, e.From));
        return this;
    }

    private OfficeYear With(ViceChairAppointed e)
    {
        Add(new Appointment(Office.CommitteeViceChair, e.MunicipalityCode, e.PersonName, e.From));
        return this;
    }

    /// <summary>
    /// The year as it would be with the appointment; one to the same office from the same date replaces the earlier (a
    /// correction).
    /// </summary>
    public OfficeYear Including(Appointment appointment) =>
        new()
        {
            Id = Id,
            Year = Year,
            Version = Version,
            Appointments =
            [
                .. Appointments
                    .Where(a => a.Office != appointment.Office || a.From != appointment.From)
                    .Append(appointment)
                    .OrderBy(a => a.From)
                    .ThenBy(a => a.Office),
            ],
        };

    private void Add(Appointment appointment) => Appointments = Including(appointment).Appointments;
}
