using System.Globalization;
using Governance.Municipalities;

namespace Governance.Offices;

/// <summary>
/// §3: the committee elects its chair and vice chair among its members each year; the directors elect theirs.
/// </summary>
public static class OfficeRules
{
    public const string Composition = "§3 sammansättning";
    public const string TwoDifferentMembers = "§3 ordförande och vice ordförande";
    public const string ManagementGroup = "ledningsgruppen utser ordförande inom sig";

    public static RuleViolation? CanAppoint(
        Appointment appointment,
        IReadOnlyCollection<Municipality> members,
        OfficeYear? year
    )
    {
        var (office, code, person, from) = (
            appointment.Office,
            appointment.MunicipalityCode,
            appointment.PersonName,
            appointment.From
        );
        var municipality = members.FirstOrDefault(m => m.Code == code);
        if (municipality is null)
            return new(
                Composition,
                $"Kommunen med kod {code} är inte medlem i samarbetskommittén den {Dates.Iso(from)}."
            );

        if (office == Office.ManagementGroupChair)
        {
            var director = municipality.DirectorOn(from);
            return People.SamePerson(director, person)
                ? null
                : new(
                    ManagementGroup,
                    director is null
                        ? $"{municipality.Name} har ingen kommundirektör registrerad den {Dates.Iso(from)}."
                        : $"{person} är inte kommundirektör i {municipality.Name} den {Dates.Iso(from)}; "
                            + $"det är {director}."
                );
        }

        var representative = municipality.RepresentativeOn(from);
        if (!People.SamePerson(representative, person))
            return new(
                Composition,
                representative is null
                    ? $"{municipality.Name} har ingen ledamot (kommunstyrelsens ordförande) "
                        + $"registrerad den {Dates.Iso(from)}."
                    : $"{person} är inte ledamot för {municipality.Name} den {Dates.Iso(from)}; "
                        + $"ledamot är {representative}."
            );

        return ChairAndViceChairCoincide(appointment, year) is { } clash
            ? new(
                TwoDifferentMembers,
                "Ordförande och vice ordförande ska vara två olika ledamöter, "
                    + $"men {clash.PersonName} ({clash.MunicipalityCode}) "
                    + $"skulle inneha båda uppdragen den {Dates.Iso(clash.From)}."
            )
            : null;
    }

    /// <summary>
    /// With the appointment added, is there a day in the year when one member would be both chair and vice chair?
    /// </summary>
    private static Appointment? ChairAndViceChairCoincide(Appointment appointment, OfficeYear? year)
    {
        var after = (year ?? new OfficeYear { Year = appointment.From.Year }).Including(appointment);
        var days = after.Appointments.Select(a => a.From).Where(d => d >= appointment.From).Distinct();
        foreach (var day in days.Order())
        {
            var chair = after.HolderOn(Office.CommitteeChair, day);
            var vice = after.HolderOn(Office.CommitteeViceChair, day);
            if (
                chair is not null
                && vice is not null
                && (
                    chair.MunicipalityCode == vice.MunicipalityCode
                    || People.SamePerson(chair.PersonName, vice.PersonName)
                )
            )
                return appointment with { From = day };
        }
        return null;
    }
}
