namespace Governance.Offices;

/// <summary>Appoints the committee's vice chair for a calendar year: a member other than the chair.</summary>
public record AppointViceChair(int Year, string MunicipalityCode, string PersonName, DateOnly? From, int Version)
    : IAppointsOfficeHolder
{
    public Appointment ToAppointment() =>
        new(Office.CommitteeViceChair, MunicipalityCode, PersonName.Trim(), From ?? new DateOnly(Year, 1, 1));

    public class Validator : OfficeAppointmentValidator<AppointViceChair>;
}

public static class AppointViceChairEndpoint
{
    public static Task<OfficeAppointmentContext> LoadAsync(
        AppointViceChair command,
        IDocumentSession session,
        CancellationToken ct
    ) => OfficeAppointmentContext.LoadAsync(command, session, ct);

    public static ProblemDetails Validate(AppointViceChair command, OfficeAppointmentContext context) =>
        OfficeRules.CanAppoint(command.ToAppointment(), context.Members, context.Stream.Aggregate).OrContinue();

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/offices/vice-chair", OperationId = nameof(AppointViceChair))]
    public static OfficeYearChanged Post(
        AppointViceChair command,
        OfficeAppointmentContext context,
        ClaimsPrincipal user,
        TimeProvider clock
    )
    {
        var a = command.ToAppointment();
        return context.Append(
            new ViceChairAppointed(
                command.Year,
                a.MunicipalityCode,
                a.PersonName,
                a.From,
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
    }
}
