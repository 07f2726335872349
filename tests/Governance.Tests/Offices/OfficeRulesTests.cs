using Governance.Municipalities;
using Governance.Offices;

namespace Governance.Tests.Offices;

public class OfficeRulesTests
{
    private static readonly DateTimeOffset Now = new(2020, 1, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Jan1 = new(2020, 1, 1);

    private static Municipality Member(string code, string name, string representative, string? director = null)
    {
        var m = Municipality.Create(
            new MunicipalityRegistered(Municipality.IdFor(code), code, name, $"registrator@{name}.se", "t", Now)
        );
        m.Apply(new RepresentativeNamed(m.Id, representative, Jan1, "t", Now));
        if (director is not null)
            m.Apply(new DirectorNamed(m.Id, director, Jan1, "t", Now));
        return m;
    }

    private static readonly Municipality[] Members =
    [
        Member("0126", "Huddinge", "Daniel Dronjak"),
        Member("0181", "Södertälje", "Boel Godner", "Rickard Sundbom"),
        Member("0127", "Botkyrka", "Ebba Östlin"),
    ];

    private static OfficeYear Year(params Appointment[] appointments) =>
        appointments.Aggregate(new OfficeYear { Year = 2020 }, (year, a) => year.Including(a));

    [Fact]
    public void a_member_may_be_appointed_chair()
    {
        var violation = OfficeRules.CanAppoint(
            new Appointment(Office.CommitteeChair, "0126", "Daniel Dronjak", Jan1),
            Members,
            null
        );
        Assert.Null(violation);
    }

    [Fact]
    public void the_chair_must_be_a_party_of_the_agreement()
    {
        var violation = OfficeRules.CanAppoint(
            new Appointment(Office.CommitteeChair, "0180", "Anna Stockholm", Jan1),
            Members,
            null
        );
        Assert.Equal(OfficeRules.Composition, violation!.Rule);
        Assert.Contains("0180", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void the_chair_must_be_the_municipalitys_representative_on_the_day()
    {
        var violation = OfficeRules.CanAppoint(
            new Appointment(Office.CommitteeChair, "0126", "Någon Annan", Jan1),
            Members,
            null
        );
        Assert.Equal(OfficeRules.Composition, violation!.Rule);
        Assert.Contains("Daniel Dronjak", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void the_vice_chair_cannot_be_the_chair()
    {
        var year = Year(new Appointment(Office.CommitteeChair, "0126", "Daniel Dronjak", Jan1));
        var violation = OfficeRules.CanAppoint(
            new Appointment(Office.CommitteeViceChair, "0126", "Daniel Dronjak", Jan1),
            Members,
            year
        );
        Assert.Equal(OfficeRules.TwoDifferentMembers, violation!.Rule);
    }

    [Fact]
    public void a_chair_from_a_later_date_cannot_be_the_vice_chair_in_office_then()
    {
        var year = Year(
            new Appointment(Office.CommitteeChair, "0126", "Daniel Dronjak", Jan1),
            new Appointment(Office.CommitteeViceChair, "0181", "Boel Godner", Jan1)
        );
        var violation = OfficeRules.CanAppoint(
            new Appointment(Office.CommitteeChair, "0181", "Boel Godner", new DateOnly(2020, 6, 1)),
            Members,
            year
        );
        Assert.Equal(OfficeRules.TwoDifferentMembers, violation!.Rule);
    }

    [Fact]
    public void a_vice_chair_from_a_date_before_a_new_chair_takes_over_is_checked_against_that_later_chair_too()
    {
        var year = Year(
            new Appointment(Office.CommitteeChair, "0126", "Daniel Dronjak", Jan1),
            new Appointment(Office.CommitteeChair, "0127", "Ebba Östlin", new DateOnly(2020, 9, 1))
        );
        var violation = OfficeRules.CanAppoint(
            new Appointment(Office.CommitteeViceChair, "0127", "Ebba Östlin", new DateOnly(2020, 3, 1)),
            Members,
            year
        );
        Assert.Equal(OfficeRules.TwoDifferentMembers, violation!.Rule);
        Assert.Contains("2020-09-01", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void chair_and_vice_chair_from_different_members_is_allowed()
    {
        var year = Year(new Appointment(Office.CommitteeChair, "0126", "Daniel Dronjak", Jan1));
        Assert.Null(
            OfficeRules.CanAppoint(
                new Appointment(Office.CommitteeViceChair, "0181", "Boel Godner", Jan1),
                Members,
                year
            )
        );
    }

    [Fact]
    public void the_management_group_chair_must_be_a_director()
    {
        Assert.Null(
            OfficeRules.CanAppoint(
                new Appointment(Office.ManagementGroupChair, "0181", "Rickard Sundbom", Jan1),
                Members,
                null
            )
        );
        var representativeInstead = OfficeRules.CanAppoint(
            new Appointment(Office.ManagementGroupChair, "0181", "Boel Godner", Jan1),
            Members,
            null
        );
        Assert.Equal(OfficeRules.ManagementGroup, representativeInstead!.Rule);
        var noDirector = OfficeRules.CanAppoint(
            new Appointment(Office.ManagementGroupChair, "0126", "Vem Som Helst", Jan1),
            Members,
            null
        );
        Assert.Equal(OfficeRules.ManagementGroup, noDirector!.Rule);
    }

    [Fact]
    public void the_holder_on_a_date_is_the_latest_appointment_and_holds_until_the_next()
    {
        var year = Year(
            new Appointment(Office.CommitteeChair, "0126", "Daniel Dronjak", Jan1),
            new Appointment(Office.CommitteeChair, "0127", "Ebba Östlin", new DateOnly(2020, 9, 1))
        );

        var first = year.HolderOn(Office.CommitteeChair, new DateOnly(2020, 8, 31))!;
        Assert.Equal("Daniel Dronjak", first.PersonName);
        Assert.Equal(new DateOnly(2020, 8, 31), year.Until(first));
        var second = year.HolderOn(Office.CommitteeChair, new DateOnly(2020, 9, 1))!;
        Assert.Equal(new DateOnly(2020, 12, 31), year.Until(second));
        Assert.Null(year.HolderOn(Office.CommitteeChair, new DateOnly(2021, 1, 1)));
        Assert.Null(year.HolderOn(Office.CommitteeViceChair, new DateOnly(2020, 5, 1)));
    }
}
