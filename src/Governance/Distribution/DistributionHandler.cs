using Governance.Agreement;
using Governance.Infrastructure.Swedish;
using Governance.Meetings;
using Governance.Minutes;
using Governance.Municipalities;
using Governance.Plans;
using Governance.Records.Pdf;
using JasperFx.Events;
using Wolverine;

namespace Governance.Distribution;

/// <summary>
/// The events that create a duty to send (forwarded by Wolverine from the event store, through its outbox) become
/// deliveries: one per recipient and channel, each sent by its own durable message.
/// </summary>
public static class DistributionHandler
{
    /// <summary>§3: approved minutes go to every member municipality's registry.</summary>
    public static Task Handle(
        IEvent<MinutesApproved> e,
        IDocumentSession session,
        IMessageBus bus,
        MinutesPublication publication,
        TimeProvider clock,
        CancellationToken ct
    ) =>
        DistributeMinutesAsync(
            e.StreamId,
            DocumentKinds.Minutes,
            DocumentKinds.Minutes,
            meeting => $"Minnesanteckningar {meeting.Date:yyyy-MM-dd} – {Labels.Of(meeting.Body)}",
            session,
            bus,
            publication,
            clock,
            ct
        );

    /// <summary>A correction of approved minutes goes the same way as the minutes.</summary>
    public static Task Handle(
        IEvent<MinutesCorrected> e,
        IDocumentSession session,
        IMessageBus bus,
        MinutesPublication publication,
        TimeProvider clock,
        CancellationToken ct
    ) =>
        DistributeMinutesAsync(
            e.StreamId,
            DocumentKinds.MinutesCorrection,
            $"{DocumentKinds.MinutesCorrection}:{e.Version}",
            meeting => $"Rättelse: minnesanteckningar {meeting.Date:yyyy-MM-dd} – {e.Data.What}",
            session,
            bus,
            publication,
            clock,
            ct
        );

    /// <summary>
    /// The minutes as HTML in the message and as PDF/A attached, both with the chain hash at approval.
    /// </summary>
    private static async Task DistributeMinutesAsync(
        Guid meetingId,
        string kind,
        string keyPrefix,
        Func<Meeting, string> title,
        IDocumentSession session,
        IMessageBus bus,
        MinutesPublication publication,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (await session.LoadAsync<Meeting>(meetingId, ct) is not { } meeting)
            return;
        if (await session.LoadAsync<DistributionDocument>($"{keyPrefix}:{meeting.Id}", ct) is not null)
            return;
        var members = await MembersOnDate.LoadAsync(session, meeting.Date, ct);
        var minutes = await publication.LoadAsync(session, meeting, sealFirst: true, ct);
        var (pdf, fileName) = await publication.PdfAsync(session, minutes, ct);
        var document = new DistributionDocument
        {
            Id = $"{keyPrefix}:{meeting.Id}",
            Kind = kind,
            MeetingId = meeting.Id,
            Title = title(meeting),
            Html = await publication.HtmlAsync(minutes),
            Attachments = [new DocumentAttachment("Minnesanteckningar (PDF/A)", fileName, pdf.ContentType, pdf.Id)],
        };
        await DistributeAsync(document, members.Codes, session, bus, clock, ct);
    }

    /// <summary>§2: the chair informs the other parties of a termination notice.</summary>
    public static async Task Handle(
        IEvent<TerminationNoticeRegistered> e,
        IDocumentSession session,
        IMessageBus bus,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var n = e.Data;
        var names = await MunicipalityNames.LoadAsync(session, ct);
        var html = Page(
            $"Uppsägning av samarbetsavtalet: {names.NameOr(n.MunicipalityCode)}",
            $"<p>{names.NameOr(n.MunicipalityCode)} har sagt upp samarbetsavtalet genom kommunfullmäktiges beslut "
                + $"{n.CouncilDecisionReference} ({n.CouncilDecisionOn:yyyy-MM-dd}).</p>"
                + $"<p>Uppsägningen kom ordföranden{(n.ReceivedByChair is null ? "" : $" ({n.ReceivedByChair})")} "
                + $"tillhanda {n.ReceivedOn:yyyy-MM-dd}. "
                + $"Uppsägningstiden räknas från {n.NoticePeriodStartsOn:yyyy-MM-dd}; "
                + $"kommunen är part till och med {n.LastDayOfMembership:yyyy-MM-dd} "
                + $"och utträder ur avtalet den {n.WithdrawalDate:yyyy-MM-dd} (§2).</p>"
        );
        var document = new DistributionDocument
        {
            Id = $"{DocumentKinds.TerminationNotice}:{n.MunicipalityCode}",
            Kind = DocumentKinds.TerminationNotice,
            Title = $"Uppsägning av samarbetsavtalet – {names.NameOr(n.MunicipalityCode)}",
            Html = html,
        };
        await DistributeAsync(document, n.PartiesToInform, session, bus, clock, ct);
    }

    /// <summary>§4: the notice of meeting goes out with the agenda and the documents.</summary>
    public static async Task Handle(
        IEvent<MeetingNoticeIssued> e,
        IDocumentSession session,
        IMessageBus bus,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (await session.LoadAsync<Meeting>(e.StreamId, ct) is not { } meeting)
            return;
        var members = await MembersOnDate.LoadAsync(session, meeting.Date, ct);
        var agenda = string.Concat(
            meeting.Agenda.OrderBy(i => i.Number).Select(i => $"<li>{System.Net.WebUtility.HtmlEncode(i.Title)}</li>")
        );
        var document = new DistributionDocument
        {
            Id = $"{DocumentKinds.MeetingNotice}:{meeting.Id}:{e.Version}",
            Kind = DocumentKinds.MeetingNotice,
            MeetingId = meeting.Id,
            Title = $"Kallelse: {Labels.Of(meeting.Kind)} {meeting.Date:yyyy-MM-dd} – {Labels.Of(meeting.Body)}",
            Html = Page(
                $"Kallelse till {Labels.Of(meeting.Kind).ToLowerInvariant()} {meeting.Date:yyyy-MM-dd}",
                $"<p>{Labels.Of(meeting.Body)} sammanträder {meeting.Date:yyyy-MM-dd} "
                    + $"kl. {meeting.StartsAt:HH\\.mm}–{meeting.EndsAt:HH\\.mm} "
                    + $"i {System.Net.WebUtility.HtmlEncode(meeting.Place)}.</p>"
                    + $"<h2>Dagordning</h2><ol>{agenda}</ol>"
            ),
            Attachments =
            [
                .. meeting
                    .Agenda.SelectMany(i => i.Documents)
                    .Select(d => new DocumentAttachment(d.Title, d.FileName, d.ContentType, d.Sha256)),
            ],
        };
        await DistributeAsync(document, members.Codes, session, bus, clock, ct);
    }

    /// <summary>§4: the plan and budget proposal goes to the municipalities it was sent to.</summary>
    public static async Task Handle(
        IEvent<PlanProposalSent> e,
        IDocumentSession session,
        IMessageBus bus,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (await session.LoadAsync<ActivityPlan>(e.StreamId, ct) is not { } plan)
            return;
        var activities = string.Concat(
            plan.Content.Activities.Select(a =>
                $"<li>{System.Net.WebUtility.HtmlEncode(a.Activity)} "
                + $"({System.Net.WebUtility.HtmlEncode(string.Join(", ", a.Responsible))})</li>"
            )
        );
        var costs = string.Concat(
            plan.Content.Budget.Costs.Select(c =>
                $"<li>{System.Net.WebUtility.HtmlEncode(c.Label)}: {c.Amount:N0} kr</li>"
            )
        );
        var document = new DistributionDocument
        {
            Id = $"{DocumentKinds.PlanProposal}:{e.Data.Year}:{e.Data.Revision}",
            Kind = DocumentKinds.PlanProposal,
            Title = $"Förslag till verksamhetsplan och budget {e.Data.Year}",
            Html = Page(
                $"Förslag till verksamhetsplan och budget {e.Data.Year}",
                $"<h2>Handlingsplan</h2><ul>{activities}</ul><h2>Budget, kostnader</h2><ul>{costs}</ul>"
            ),
        };
        await DistributeAsync(document, e.Data.MunicipalityCodes, session, bus, clock, ct);
    }

    private static async Task DistributeAsync(
        DistributionDocument document,
        IReadOnlyList<string> recipients,
        IDocumentSession session,
        IMessageBus bus,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        // One instant for the document and each of its deliveries: the open duties are read in that order, each
        // document's together.
        var now = clock.GetUtcNow();
        document.Recipients = [.. recipients];
        document.CreatedAt = now;
        session.Store(document);
        var register = await session.MunicipalityRegisterAsync(ct);
        foreach (var code in recipients)
        {
            var channels = register.FirstOrDefault(m => m.Code == code)?.Channels ?? Channels.Default;
            var wanted = new List<(DeliveryChannel, string)>();
            if (channels.Email)
                wanted.Add(
                    (
                        DeliveryChannel.Email,
                        channels.EmailAddress ?? register.FirstOrDefault(m => m.Code == code)?.RegistryEmail ?? ""
                    )
                );
            if (channels.WebhookUrl is not null)
                wanted.Add((DeliveryChannel.Webhook, channels.WebhookUrl));
            foreach (var (channel, address) in wanted)
            {
                var id = Delivery.IdFor(document.Id, code, channel);
                // The forwarded event may come twice (at-least-once): a delivery that exists is not requested again.
                if (await session.Events.FetchStreamStateAsync(id, ct) is not null)
                    continue;
                session.Events.StartStream<Delivery>(
                    id,
                    new DeliveryRequested(
                        id,
                        document.Id,
                        document.Kind,
                        document.Title,
                        code,
                        channel,
                        address,
                        now
                    )
                );
                await bus.PublishAsync(new SendDelivery(id));
            }
        }
    }

    private static string Page(string heading, string body) =>
        "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\">"
        + $"<title>{System.Net.WebUtility.HtmlEncode(heading)}</title></head>"
        + $"<body><main><h1>{System.Net.WebUtility.HtmlEncode(heading)}</h1>{body}"
        + "<p>Södertörnskommunernas samarbetskommitté</p></main></body></html>";
}
