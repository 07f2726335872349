using Governance.Meetings;
using Governance.Municipalities;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Pages;

/// <summary>The calendar of both bodies for a year, cancelled meetings marked.</summary>
public sealed class KalenderModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }
    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    /// <summary>Nothing is planned after the committee's dissolution (§10).</summary>
    public bool MaySchedule => (User.IsInRole(Roles.Secretary) || User.IsInRole(Roles.Chair)) && Dissolution is null;
    public Governance.Agreement.Dissolution? Dissolution { get; private set; }
    public DateOnly Today => clock.Today();
    public ExtraMeetingDemandState? ExtraMeetingDemand { get; private set; }
    public bool MayRequestExtraMeeting => User.IsInRole(Roles.Member) || User.IsInRole(Roles.Secretary);

    public async Task OnGetAsync([FromQuery(Name = "ar")] int? year, CancellationToken ct)
    {
        Year = Dates.YearOrCurrent(year, clock);
        var (from, to) = (new DateOnly(Year, 1, 1), new DateOnly(Year, 12, 31));
        Names = await MunicipalityNames.LoadAsync(session, ct);
        if (User.Identity?.IsAuthenticated == true)
            ExtraMeetingDemand = await GetExtraMeetingRequestsEndpoint.Get(session, ct);
        var meetings = await MeetingHeaders.InCalendarOrderAsync(
            session,
            session.Query<Meeting>().Where(m => m.Date >= from && m.Date <= to),
            ct
        );
        var dissolution = Dissolution = await MeetingsAfterDissolution.LoadAsync(session, ct);
        Meetings = [.. meetings.Select(m => PublicView.For(User, MeetingsAfterDissolution.AsShown(m, dissolution)))];
    }
}
