using Governance.Meetings;

namespace Governance.Minutes;

/// <summary>Corrects approved minutes: the new text, what was corrected and why. Shown with the minutes.</summary>
public record CorrectMinutes(
    Guid? ItemId,
    CorrectionTarget Target,
    string NewText,
    string What,
    string Why,
    int Version
)
{
    public class Validator : AbstractValidator<CorrectMinutes>
    {
        public Validator()
        {
            RuleFor(x => x.Target).IsInEnum();
            RuleFor(x => x.NewText).NotEmpty().MaximumLength(20_000);
            RuleFor(x => x.What).NotEmpty().MaximumLength(500);
            RuleFor(x => x.Why).NotEmpty().MaximumLength(2000);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class CorrectMinutesEndpoint
{
    public static ProblemDetails Validate(CorrectMinutes command, Meeting meeting) =>
        MinutesRules.CanCorrect(meeting, command.ItemId, command.Target).OrContinue();

    [Authorize(Roles = $"{Roles.Secretary},{Roles.Chair}")]
    [WolverinePost("/api/meetings/{meetingId}/minutes/corrections", OperationId = nameof(CorrectMinutes))]
    public static (UpdatedAggregate, MinutesCorrected) Post(
        CorrectMinutes command,
        [WriteAggregate] Meeting meeting,
        ClaimsPrincipal user,
        TimeProvider clock
    ) =>
        (
            new UpdatedAggregate(),
            new MinutesCorrected(
                meeting.Id,
                command.ItemId,
                command.Target,
                command.NewText.Trim(),
                command.What.Trim(),
                command.Why.Trim(),
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
}
