using Governance.Fees;
using Governance.Meetings;
using Governance.Plans;
using Governance.Projects;

namespace Governance.Agreement;

/// <summary>
/// The records that may hold acts dated after a day: meetings after it, the fee ledger's rules and the fee years, the
/// plans and the special projects decided after it. The agreement's own acts are in its stream.
/// </summary>
public sealed record LaterRecords(
    IReadOnlyList<Meeting> Meetings,
    FeeLedger? Ledger,
    IReadOnlyList<FeeYear> FeeYears,
    IReadOnlyList<ActivityPlan> Plans,
    IReadOnlyList<SpecialProject> Projects
)
{
    public static readonly LaterRecords None = new([], null, [], [], []);

    public static async Task<LaterRecords> LoadAsync(IQuerySession session, DateOnly after, CancellationToken ct) =>
        new(
            await session.Query<Meeting>().Where(m => m.Date > after).WithValuesRead().ToListAsync(ct),
            await session.LoadAsync<FeeLedger>(FeeLedger.TheId, ct),
            // Any year's fee may be paid late: every year's payments are looked at, once, when the committee dissolves.
            await session.Query<FeeYear>().ToListAsync(ct),
            await session.Query<ActivityPlan>().ToListAsync(ct),
            await session.Query<SpecialProject>().Where(p => p.DecidedOn > after).WithValuesRead().ToListAsync(ct)
        );
}

/// <summary>What a dissolution is decided against, loaded once: agreement, deciding meeting, later records.</summary>
public sealed record DissolutionContext(AgreementContext Agreement, Meeting? Meeting, LaterRecords Later)
{
    public static async Task<DissolutionContext> LoadAsync(
        DissolveCommittee command,
        IDocumentSession session,
        CancellationToken ct
    )
    {
        var agreement = await AgreementContext.LoadAsync(session, ct);
        var meeting = await session.LoadAsync<Meeting>(command.MeetingId, ct);
        var later = meeting is null ? LaterRecords.None : await LaterRecords.LoadAsync(session, meeting.Date, ct);
        return new(agreement, meeting, later);
    }

    public string NameOf(string code) => Agreement.Municipalities.FirstOrDefault(m => m.Code == code)?.Name ?? code;
}
