using Governance.Municipalities;

namespace Governance.Meetings;

/// <summary>When and where a meeting is held: shared by scheduling and rescheduling.</summary>
public interface IMeetingTimeAndPlace
{
    DateOnly Date { get; }
    TimeOnly StartsAt { get; }
    DateOnly? EndDate { get; }
    TimeOnly EndsAt { get; }
    string HostMunicipalityCode { get; }
    string Place { get; }
}

public abstract class MeetingTimeAndPlaceValidator<T> : AbstractValidator<T>
    where T : IMeetingTimeAndPlace
{
    protected MeetingTimeAndPlaceValidator()
    {
        // Any plausible day: meetings are planned ahead, and a past meeting may be entered into the record afterwards.
        // What depends on the day (the host a member then) is MeetingPlaces.HostIsMember; what happens at the
        // meeting is recorded from its day on (MeetingRules.HasBegun).
        RuleFor(x => x.Date).Must(Dates.IsPlausible).WithMessage(Dates.PlausibleMessage);
        RuleFor(x => x.EndDate)
            .Must((m, end) => end is null || (end >= m.Date && end.Value.DayNumber - m.Date.DayNumber <= 3))
            .WithMessage("Slutdatum ska vara samma dag eller högst tre dagar efter startdagen.");
        RuleFor(x => x.EndsAt)
            .Must((m, ends) => (m.EndDate ?? m.Date) > m.Date || ends > m.StartsAt)
            .WithMessage("Sammanträdet ska sluta efter att det har börjat.");
        RuleFor(x => x.HostMunicipalityCode)
            .Must(MunicipalityRules.IsMunicipalityCode)
            .WithMessage(MunicipalityRules.CodeMessage);
        RuleFor(x => x.Place).NotEmpty().MaximumLength(200);
    }
}

public static class MeetingPlaces
{
    public const string HostRule = "värdkommunen ska vara medlem";

    public static RuleViolation? HostIsMember(IMeetingTimeAndPlace meeting, IReadOnlyCollection<string> members) =>
        members.Contains(meeting.HostMunicipalityCode)
            ? null
            : new(
                HostRule,
                $"Värdkommunen {meeting.HostMunicipalityCode} är inte medlem den {Dates.Iso(meeting.Date)}."
            );
}
