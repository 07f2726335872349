namespace Governance.Offices;

/// <summary>
/// Appoints the chair of the committee (one of its members) or of the management group (one of the directors)
/// for a calendar year, from 1 January or from a later date of that year.
/// </summary>
public record AppointChair(int Year, Body Body, string MunicipalityCode, string PersonName, DateOnly? From, int Version)
    : IAppointsOfficeHolder
{
    public Appointment ToAppointment() =>
        new(
            Body == Body.Committee ? Office.CommitteeChair : Office.ManagementGroupChair,
            MunicipalityCode,
            PersonName.Trim(),
            From ?? new DateOnly(Year, 1, 1)
        );

    public class Validator : OfficeAppointmentValidator<AppointChair>
    {
        public Validator() => RuleFor(x => x.Body).IsInEnum();
    }
}

public static class AppointChairEndpoint
{
    public static Task<OfficeAppointmentContext> LoadAsync(
        AppointChair command,
        IDocumentSession session,
        CancellationToken ct
    ) => OfficeAppointmentContext.LoadAsync(command, session, ct);

    public static ProblemDetails Validate(AppointChair command, OfficeAppointmentContext context) =>
        OfficeRules.CanAppoint(command.ToAppointment(), context.Members, context.Stream.Aggregate).OrContinue();

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/offices/chair", OperationId = nameof(AppointChair))]
    public static OfficeYearChanged Post(
        AppointChair command,
        OfficeAppointmentContext context,
        ClaimsPrincipal user,
        TimeProvider clock
    )
    {
        var a = command.ToAppointment();
        return context.Append(
            new ChairAppointed(
                command.Year,
                command.Body,
                a.MunicipalityCode,
                a.PersonName,
                a.From,
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
    }
}
