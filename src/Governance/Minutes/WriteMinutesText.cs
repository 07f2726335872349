using Governance.Meetings;

namespace Governance.Minutes;

/// <summary>
/// The secretary's own text in the draft minutes, for an item or (without one) for the minutes as a whole.
/// </summary>
public record WriteMinutesText(Guid? ItemId, string Text, int Version)
{
    public class Validator : AbstractValidator<WriteMinutesText>
    {
        public Validator()
        {
            RuleFor(x => x.Text).NotNull().MaximumLength(20_000);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class WriteMinutesTextEndpoint
{
    public static ProblemDetails Validate(WriteMinutesText command, Meeting meeting) =>
        MinutesRules.CanWrite(meeting, command.ItemId).OrContinue();

    [Authorize(Roles = Roles.Secretary)]
    [WolverinePost("/api/meetings/{meetingId}/minutes/text", OperationId = nameof(WriteMinutesText))]
    public static (UpdatedAggregate, MinutesTextWritten) Post(
        WriteMinutesText command,
        [WriteAggregate] Meeting meeting,
        ClaimsPrincipal user,
        TimeProvider clock
    ) =>
        (
            new UpdatedAggregate(),
            new MinutesTextWritten(meeting.Id, command.ItemId, command.Text.Trim(), user.ActorName(), clock.GetUtcNow())
        );
}
