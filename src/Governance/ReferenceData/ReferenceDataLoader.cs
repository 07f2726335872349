using Governance.Agreement;
using Governance.Fees;
using Governance.Hosting.Cluster;
using Governance.Infrastructure.Ids;
using Governance.Meetings;
using Governance.Municipalities;
using Governance.Offices;
using Governance.Plans;
using Npgsql;

namespace Governance.ReferenceData;

/// <summary>
/// Loads Södertörn's reference data as ordinary events when the event store is empty, so a first run
/// shows a working register. Governance:LoadReferenceData=false turns it off (the tests do). Nodes starting together
/// on an empty store load it once: one at a time (<see cref="StartLock"/>), each looking first.
/// </summary>
internal sealed class ReferenceDataLoader(
    IDocumentStore store,
    NpgsqlDataSource dataSource,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<ReferenceDataLoader> log
) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        configuration.GetValue("Governance:LoadReferenceData", true)
            ? StartLock.RunAsync(dataSource, "reference-data", LoadIfEmptyAsync, cancellationToken)
            : Task.CompletedTask;

    private async Task LoadIfEmptyAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        if (await session.Events.QueryAllRawEvents().AnyAsync(cancellationToken))
            return;

        session.LastModifiedBy = Sodertorn.Actor;
        session.CorrelationId = $"reference-data-{Guid.NewGuid()}";
        var now = clock.GetUtcNow();
        foreach (var party in Sodertorn.Parties)
        {
            var id = Municipality.IdFor(party.Code);
            var events = new List<object>
            {
                new MunicipalityRegistered(id, party.Code, party.Name, party.RegistryEmail, Sodertorn.Actor, now),
                new PopulationRecorded(
                    id,
                    Sodertorn.SampleYear,
                    party.SamplePopulation2019,
                    IsSample: true,
                    Sodertorn.SampleSource,
                    Sodertorn.Actor,
                    now
                ),
            };
            foreach (var (code, name) in new[] { Sodertorn.CommitteeChair2020, Sodertorn.CommitteeViceChair2020 })
                if (code == party.Code)
                    events.Add(new RepresentativeNamed(id, name, Sodertorn.Term2020, Sodertorn.Actor, now));
            if (Sodertorn.ManagementGroupChair2020.Code == party.Code)
                events.Add(
                    new DirectorNamed(
                        id,
                        Sodertorn.ManagementGroupChair2020.Name,
                        Sodertorn.Term2020,
                        Sodertorn.Actor,
                        now
                    )
                );
            session.Events.StartStream<Municipality>(id, events.ToArray());
        }

        session.Events.StartStream<CooperationAgreement>(
            CooperationAgreement.TheId,
            new AgreementConcluded(
                CooperationAgreement.TheId,
                [.. Sodertorn.Parties.Select(p => new AgreementParty(p.Code, p.SignedOn))],
                Sodertorn.AgreementInForceFrom,
                Sodertorn.Actor,
                now
            )
        );

        var term = Sodertorn.Term2020;
        session.Events.StartStream<OfficeYear>(
            OfficeYear.IdFor(term.Year),
            new ChairAppointed(
                term.Year,
                Body.Committee,
                Sodertorn.CommitteeChair2020.Code,
                Sodertorn.CommitteeChair2020.Name,
                term,
                Sodertorn.Actor,
                now
            ),
            new ViceChairAppointed(
                term.Year,
                Sodertorn.CommitteeViceChair2020.Code,
                Sodertorn.CommitteeViceChair2020.Name,
                term,
                Sodertorn.Actor,
                now
            ),
            new ChairAppointed(
                term.Year,
                Body.ManagementGroup,
                Sodertorn.ManagementGroupChair2020.Code,
                Sodertorn.ManagementGroupChair2020.Name,
                term,
                Sodertorn.Actor,
                now
            )
        );

        foreach (var entry in Sodertorn.Calendar2020)
        {
            var id = DeterministicGuid.For("meeting", $"{entry.Body}:{entry.Date:yyyy-MM-dd}");
            var name = Sodertorn.Parties.Single(p => p.Code == entry.HostCode).Name;
            var events = new List<object>
            {
                new MeetingScheduled(
                    id,
                    entry.Body,
                    entry.Kind,
                    entry.Date,
                    entry.StartsAt,
                    entry.EndDate,
                    entry.EndsAt,
                    entry.HostCode,
                    $"{name} kommun",
                    Sodertorn.Actor,
                    now
                ),
            };
            if (entry.Cancelled)
                events.Add(new MeetingCancelled(id, Sodertorn.CancelledReason, Sodertorn.Actor, now));
            session.Events.StartStream<Meeting>(id, [.. events]);
        }

        session.Events.StartStream<FeeLedger>(
            FeeLedger.TheId,
            [.. Plan2020.FeeRules.Select(rule => (object)new FeeRuleSet(FeeLedger.TheId, rule, Sodertorn.Actor, now))]
        );

        var planId = ActivityPlan.IdFor(Plan2020.Year);
        var salem = DeterministicGuid.For("meeting", $"{Body.Committee}:{Plan2020.AdoptedOn:yyyy-MM-dd}");
        session.Events.StartStream<ActivityPlan>(
            planId,
            new PlanDrafted(planId, Plan2020.Year, Plan2020.Content, Sodertorn.Actor, now),
            new PlanProposalSent(
                planId,
                Plan2020.Year,
                1,
                [.. Sodertorn.Parties.Select(p => p.Code)],
                Plan2020.ProposalSentOn,
                Sodertorn.Actor,
                now
            ),
            new PlanAdopted(
                planId,
                Plan2020.Year,
                1,
                salem,
                null,
                Plan2020.Adoption,
                Plan2020.AdoptedOn,
                Sodertorn.Actor,
                now
            )
        );

        await session.SaveChangesAsync(cancellationToken);
        log.LogInformation(
            "Loaded Södertörn reference data: {Count} municipalities, the agreement, "
                + "the 2020 office holders, calendar and plan, the fee rules",
            Sodertorn.Parties.Count
        );
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
