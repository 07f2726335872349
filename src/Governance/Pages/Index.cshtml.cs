using Governance.Agreement;
using Governance.Distribution;
using Governance.Fees;
using Governance.Infrastructure.Swedish;
using Governance.Meetings;
using Marten.Services.BatchQuerying;
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
        // Everything the overview shows, in one round trip to the database.
        var batch = session.CreateBatchQuery();
        var agreement = batch.Agreement();
        var upcoming = MeetingHeaders.Selected(batch, NextMeetings, [today]);
        var approved = MeetingHeaders.Selected(batch, ApprovedMeetings.Latest, [6]);
        var duties = SignedIn ? DutyReads.In(batch, today) : null;
        await batch.Execute(ct);

        var dissolution = (await agreement)?.Dissolution;
        Upcoming =
        [
            .. (await upcoming).Select(m => PublicView.For(User, MeetingsAfterDissolution.AsShown(m, dissolution))),
        ];
        Approved = [.. (await approved).Select(m => MeetingsAfterDissolution.AsShown(m, dissolution))];
        if (duties is not null)
            Duties = await OpenDutiesAsync(duties, today, dissolution, await agreement);
    }

    private const string NextMeetings = $"{MeetingHeaders.Ids} date >= ? order by date limit 6";

    /// <summary>What the duties are found in, queued in the overview's batch.</summary>
    private sealed record DutyReads(
        Task<IReadOnlyList<Meeting>> AwaitingApproval,
        Task<IReadOnlyList<Meeting>> Soon,
        Task<int> Open,
        Task<int> DeadLettered,
        FeeReads Fees,
        Task<IReadOnlyList<Governance.Municipalities.Municipality>> Register
    )
    {
        public static DutyReads In(IBatchedQuery batch, DateOnly today) =>
            new(
                MeetingHeaders.Selected(batch, MeetingsAwaitingApproval.Ids, []),
                MeetingHeaders.Between(batch, today, today.AddDays(14)),
                OpenDuties.Count(batch),
                OpenDuties.DeadLettered(batch),
                FeeReads.In(batch, FeeYearsShown(today)),
                batch.MunicipalityRegister()
            );
    }

    /// <summary>The fee years whose overdue fees are duties: last year's and this year's.</summary>
    private static int[] FeeYearsShown(DateOnly today) => [today.Year - 1, today.Year];

    private async Task<IReadOnlyList<Duty>> OpenDutiesAsync(
        DutyReads reads,
        DateOnly today,
        Governance.Agreement.Dissolution? dissolution,
        CooperationAgreement? loaded
    )
    {
        var duties = new List<Duty>();
        foreach (var m in await reads.AwaitingApproval)
            duties.Add(
                new(
                    $"Minnesanteckningarna från {Labels.Of(m.Kind).ToLowerInvariant()} {m.Date:yyyy-MM-dd} "
                        + "väntar på justering.",
                    $"/sammantraden/{m.Id}/minnesanteckningar"
                )
            );
        foreach (
            var m in (await reads.Soon)
                .Select(m => MeetingsAfterDissolution.AsShown(m, dissolution))
                .Where(m => m.Status == MeetingStatus.Scheduled && m.Notice is null)
        )
            duties.Add(
                new(
                    $"Kallelse till {Labels.Of(m.Kind).ToLowerInvariant()} {m.Date:yyyy-MM-dd} är inte skickad.",
                    $"/sammantraden/{m.Id}"
                )
            );

        var open = await reads.Open;
        var failed = await reads.DeadLettered;
        if (failed > 0)
            duties.Add(new($"{failed} utskick misslyckades och behöver skickas om.", "/utskick"));
        if (open > 0)
            duties.Add(
                new($"{OpenDuties.Shown(open)} utskick är inte kvitterade av kommunernas registratur.", "/utskick")
            );

        // The agreement's state and two years' fees from one read of the ledger, the two years, the register and the
        // agreement.
        var context = new FeeContext(await reads.Fees.Ledger, await reads.Fees.Years, await reads.Register, loaded);
        if (loaded is not null)
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

        foreach (var year in FeeYearsShown(today))
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
