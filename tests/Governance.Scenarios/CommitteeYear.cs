namespace Governance.Scenarios;

/// <summary>What a recorded year left in the store, for tests that look at it afterwards.</summary>
public sealed record CommitteeYearRecord(
    int Year,
    IReadOnlyList<Guid> CommitteeMeetings,
    IReadOnlyList<Guid> ManagementGroupMeetings,
    Guid SpecialProject
);

/// <summary>
/// A full year of the committee, recorded through the HTTP API as any client would: the register, the year's
/// offices, the plan from draft to adoption and follow-up, six committee and two management group meetings, fees,
/// a special project, an extra-meeting request, and a party's termination with the parties informed and the
/// amendment it requires. Dates lie in <c>year</c>; the service's clock may be real (any later day) or a test's.
/// The same calls each time: only the ids the service generates differ (and, where a mail server delivers the
/// termination notice before the chair's informing is recorded, who is recorded as having informed that party).
/// </summary>
public static class CommitteeYear
{
    /// <summary>
    /// Records the year. <paramref name="tokens"/> gives a bearer token for a role (<c>secretary</c>, <c>chair</c>,
    /// <c>member</c>, <c>registry</c>) and, for members and registries, a municipality code. The store may hold the
    /// Södertörn reference data or nothing; the parties are registered first when it is empty.
    /// </summary>
    public static async Task<CommitteeYearRecord> RecordAsync(
        HttpClient client,
        Func<string, string?, string> tokens,
        int year,
        CancellationToken ct = default
    )
    {
        var api = new ScenarioApi(client, tokens);
        await RegisterOfTheYear.RecordAsync(api, year, ct);

        var plan = new PlanOfTheYear(api, year, ct);
        var committee = new CommitteeMeetings(api, year, ct);
        var group = new ManagementGroupMeetings(api, year, ct);
        var fees = new FeesOfTheYear(api, year, ct);
        var agreement = new AgreementOfTheYear(api, year, ct);

        await plan.DraftAndSendAsync();
        await fees.InvoiceAndPayAsync();
        await committee.FebruaryAsync();
        await group.RescheduledAndHeldAsync();
        var (meeting, item) = await committee.AprilAsync();
        await plan.AdoptAsync(meeting, item);
        await group.CancelledAsync();
        await committee.JuneAsync();
        await agreement.TerminateAsync();
        await plan.FollowUpAsync();
        await committee.SeptemberAsync();
        var project = await fees.StartSpecialProjectAsync();
        await agreement.AmendAsync(await committee.OctoberAsync());
        await agreement.RequestExtraMeetingAsync();
        await committee.DecemberAsync();
        return new CommitteeYearRecord(year, committee.Held, group.Meetings, project);
    }
}
