using Governance.Agreement;
using Governance.Distribution;
using Governance.Fees;
using Governance.Infrastructure.Swedish;
using Governance.Meetings;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Pages;

/// <summary>
/// The overview: the next meetings and the latest approved minutes; signed in, the duties still open.
/// </summary>
public sealed class IndexModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public sealed record Duty(string Text, string Link);

    public IReadOnlyList<Meeting> Upcoming { get; private set; } = [];
    public IReadOnlyList<Meeting> Approved { get; private set; } = [];
    public IReadOnlyList<Duty> Duties { get; private set; } = [];
    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var dissolution = await MeetingsAfterDissolution.LoadAsync(session, ct);
        var upcoming = await MeetingHeaders.LoadAsync(
            session,
            session.Query<Meeting>().Where(m => m.Date >= today).OrderBy(m => m.Date).Take(6),
            ct
        );
        Upcoming = [.. upcoming.Select(m => PublicView.For(User, MeetingsAfterDissolution.AsShown(m, dissolution)))];
        var approved = await MeetingHeaders.ByIdsAsync(session, await ApprovedMeetings.LatestAsync(session, 6, ct), ct);
        Approved = [.. approved.Select(m => MeetingsAfterDissolution.AsShown(m, dissolution))];
        if (SignedIn)
            Duties = await OpenDutiesAsync(today, dissolution, ct);
    }

    private async Task<IReadOnlyList<Duty>> OpenDutiesAsync(
        DateOnly today,
        Governance.Agreement.Dissolution? dissolution,
        CancellationToken ct
    )
    {
        var duties = new List<Duty>();
        foreach (var m in await MeetingsAwaitingApproval.LoadAsync(session, ct))
            duties.Add(
                new(
                    $"Minnesanteckningarna från {Labels.Of(m.Kind).ToLowerInvariant()} {m.Date:yyyy-MM-dd} "
                        + "väntar på justering.",
                    $"/sammantraden/{m.Id}/minnesanteckningar"
                )
            );
        var soon = await MeetingHeaders.LoadAsync(
            session,
            session.Query<Meeting>().Where(m => m.Date >= today && m.Date <= today.AddDays(14)).OrderBy(m => m.Date),
            ct
        );
        foreach (
            var m in soon.Select(m => MeetingsAfterDissolution.AsShown(m, dissolution))
                .Where(m => m.Status == MeetingStatus.Scheduled && m.Notice is null)
        )
            duties.Add(
                new(
                    $"Kallelse till {Labels.Of(m.Kind).ToLowerInvariant()} {m.Date:yyyy-MM-dd} är inte skickad.",
                    $"/sammantraden/{m.Id}"
                )
            );

        var open = await OpenDuties.LoadAsync(session, 1, ct);
        var failed = await OpenDuties.DeadLetteredAsync(session, ct);
        if (failed > 0)
            duties.Add(new($"{failed} utskick misslyckades och behöver skickas om.", "/utskick"));
        if (open.Count > 0)
            duties.Add(
                new(
                    $"{OpenDuties.Shown(open.Count)} utskick är inte kvitterade av kommunernas registratur.",
                    "/utskick"
                )
            );

        // The agreement's state and two years' fees from one read of the ledger, the register and the agreement.
        var context = await FeeContext.LoadAsync(session, ct);
        if (context.Agreement is { } loaded)
        {
            var agreement = AgreementState.Of(loaded, context.Register, today);
            foreach (var p in agreement.Parties.Where(p => p.Status == PartyStatus.NoticeRunning))
            {
                var uninformed = p.PartiesToInform.Count(i => !i.Informed);
                duties.Add(
                    new(
                        $"{p.Name} har sagt upp avtalet; sista dag som medlem {p.LastDayOfMembership:yyyy-MM-dd}"
                            + (uninformed > 0 ? $", {uninformed} parter är inte underrättade." : "."),
                        "/avtal"
                    )
                );
            }
        }

        foreach (var year in new[] { today.Year - 1, today.Year })
        {
            var fees = GetFeeScheduleEndpoint.Of(year, context, clock);
            foreach (var line in fees.Lines.Where(l => l.Overdue))
                duties.Add(
                    new(
                        $"{line.Name}s avgift för {year} är förfallen: {line.Outstanding:N2} kr obetalt.",
                        $"/avgifter?ar={year}"
                    )
                );
        }
        return duties;
    }
}
