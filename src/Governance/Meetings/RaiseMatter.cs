using Governance.Agreement;
using Governance.Municipalities;

namespace Governance.Meetings;

/// <summary>
/// §4: a member raises a matter to the chair for a meeting; the chair decides whether it goes on the agenda.
/// </summary>
public record RaiseMatter(string Title, string? Description, string Kind, string MunicipalityCode, int Version)
    : IForMunicipality
{
    public class Validator : AbstractValidator<RaiseMatter>
    {
        public Validator()
        {
            RuleFor(x => x.Title).NotEmpty().MaximumLength(300);
            RuleFor(x => x.Description).MaximumLength(10_000);
            RuleFor(x => x.Kind).NotEmpty().MaximumLength(100);
            RuleFor(x => x.MunicipalityCode)
                .Must(MunicipalityRules.IsMunicipalityCode)
                .WithMessage(MunicipalityRules.CodeMessage);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class RaiseMatterEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(
        RaiseMatter command,
        Meeting meeting,
        IQuerySession session,
        CancellationToken ct
    )
    {
        if (MeetingRules.IsOpen(meeting) is { } closed)
            return closed.ToProblem();
        var members = await MembersOnDate.CodesAsync(session, meeting.Date, ct);
        return members.Codes.Contains(command.MunicipalityCode)
            ? WolverineContinue.NoProblems
            : new RuleViolation(
                MeetingRules.Agenda,
                $"Frågor väcks av ledamot; {command.MunicipalityCode} är inte medlem den {Dates.Iso(meeting.Date)}."
            ).ToProblem();
    }

    [Authorize(Roles = $"{Roles.Member},{Roles.Secretary}")]
    [WolverinePost("/api/meetings/{meetingId}/matters", OperationId = nameof(RaiseMatter))]
    public static (UpdatedAggregate, MatterRaised) Post(
        RaiseMatter command,
        [WriteAggregate] Meeting meeting,
        ClaimsPrincipal user,
        TimeProvider clock
    ) =>
        (
            new UpdatedAggregate(),
            new MatterRaised(
                meeting.Id,
                Guid.CreateVersion7(),
                command.Title.Trim(),
                command.Description?.Trim(),
                command.Kind.Trim().ToLowerInvariant(),
                command.MunicipalityCode,
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
}
