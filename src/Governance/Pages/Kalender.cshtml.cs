using Governance.Meetings;
using Governance.Municipalities;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Pages;

/// <summary>The calendar of both bodies for a year, a page at a time, cancelled meetings marked.</summary>
public sealed class KalenderModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }
    public int PageNumber { get; private set; }
    public bool More { get; private set; }
    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    /// <summary>Nothing is planned after the committee's dissolution (§10).</summary>
    public bool MaySchedule => (User.IsInRole(Roles.Secretary) || User.IsInRole(Roles.Chair)) && Dissolution is null;
    public Governance.Agreement.Dissolution? Dissolution { get; private set; }
    public DateOnly Today => clock.Today();
    public ExtraMeetingDemandState? ExtraMeetingDemand { get; private set; }
    public bool MayRequestExtraMeeting => User.IsInRole(Roles.Member) || User.IsInRole(Roles.Secretary);

    public async Task OnGetAsync(
        [FromQuery(Name = "ar")] int? year,
        [FromQuery(Name = "sida")] int? page,
        CancellationToken ct
    )
    {
        Year = Dates.YearOrCurrent(year, clock);
        const int size = GetMeetingsOfYearEndpoint.DefaultPageSize;
        PageNumber = GetMeetingsOfYearEndpoint.Pages.NumberOf(page, size);
        var batch = session.CreateBatchQuery();
        var names = MunicipalityNames.Load(batch);
        var demand = User.Identity?.IsAuthenticated == true ? GetExtraMeetingRequestsEndpoint.Get(batch) : null;
        var ofYear = MeetingHeaders.OfYear(batch, Year, null, PageNumber, size);
        var agreement = batch.Agreement();
        await batch.Execute(ct);
        Names = await names;
        ExtraMeetingDemand = demand is null ? null : await demand;
        var shown = await ofYear;
        // A year fuller than the deepest page goes no further here (the API answers 400 there, naming the page).
        More = shown.More && PageNumber < GetMeetingsOfYearEndpoint.Pages.DeepestPage(size);
        var dissolution = Dissolution = (await agreement)?.Dissolution;
        Meetings =
        [
            .. shown.Meetings.Select(m => PublicView.For(User, MeetingsAfterDissolution.AsShown(m, dissolution))),
        ];
    }
}
