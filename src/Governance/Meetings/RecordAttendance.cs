using Governance.Agreement;
using Governance.Municipalities;

namespace Governance.Meetings;

/// <summary>
/// §3: who is present and how (in person, phone, video), arriving and departing when. Without an attendance id a new
/// presence is recorded; with one, that presence is recorded anew (e.g. its departure added).
/// </summary>
public record RecordAttendance(
    Guid? AttendanceId,
    string PersonName,
    AttendanceRole Role,
    string? MunicipalityCode,
    PresenceMode Mode,
    TimeOnly ArrivedAt,
    TimeOnly? DepartedAt,
    int Version
)
{
    public class Validator : AbstractValidator<RecordAttendance>
    {
        public Validator()
        {
            RuleFor(x => x.PersonName).NotEmpty().MaximumLength(200);
            RuleFor(x => x.Role).IsInEnum();
            RuleFor(x => x.Mode).IsInEnum();
            RuleFor(x => x.MunicipalityCode)
                .Must(MunicipalityRules.IsMunicipalityCode)
                .When(x => x.Role != AttendanceRole.Guest)
                .WithMessage("Ledamöter och kommundirektörer anges med sin kommuns kod.");
            RuleFor(x => x.DepartedAt)
                .Must((a, departed) => departed is null || departed > a.ArrivedAt)
                .WithMessage("Avgången ska vara efter ankomsten.");
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class RecordAttendanceEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(
        RecordAttendance command,
        Meeting meeting,
        IQuerySession session,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (MeetingRules.IsBeingHeld(meeting, clock.Today()) is { } notHeld)
            return notHeld.ToProblem();
        if (command.AttendanceId is { } id && meeting.Attendance.All(a => a.AttendanceId != id))
            return Problems.NotFound($"Ingen närvaro med id {id} är antecknad vid sammanträdet.");
        var members = await MembersOnDate.LoadAsync(session, meeting.Date, ct);
        return MeetingRules
            .CanAttend(
                meeting,
                command.Role,
                command.MunicipalityCode,
                command.PersonName,
                members.Codes,
                members.Register
            )
            .OrContinue();
    }

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/meetings/{meetingId}/attendance", OperationId = nameof(RecordAttendance))]
    public static (UpdatedAggregate, AttendanceRecorded) Post(
        RecordAttendance command,
        [WriteAggregate] Meeting meeting,
        ClaimsPrincipal user,
        TimeProvider clock
    ) =>
        (
            new UpdatedAggregate(),
            new AttendanceRecorded(
                meeting.Id,
                command.AttendanceId ?? Guid.CreateVersion7(),
                command.PersonName.Trim(),
                command.Role,
                command.MunicipalityCode,
                command.Mode,
                command.ArrivedAt,
                command.DepartedAt,
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
}
