using Governance.Agreement;
using Governance.Infrastructure.Aggregates;
using Governance.Municipalities;
using JasperFx.Events;

namespace Governance.Offices;

/// <summary>
/// What an appointment is decided against: the year's office stream, fetched at the expected version, and the members.
/// </summary>
public sealed record OfficeAppointmentContext(IEventStream<OfficeYear> Stream, IReadOnlyList<Municipality> Members)
{
    public static async Task<OfficeAppointmentContext> LoadAsync(
        IAppointsOfficeHolder command,
        IDocumentSession session,
        CancellationToken ct
    )
    {
        // Version 0 means "no appointment yet this year": the stream is then started by this one.
        var stream = await session.Events.FetchForWriting<OfficeYear>(
            OfficeYear.IdFor(command.Year),
            command.Version,
            ct
        );
        // The members are the agreement's parties on the first day of office.
        var members = await MembersOnDate.LoadAsync(session, command.ToAppointment().From, ct);
        return new(stream, members.Members);
    }

    public OfficeYearChanged Append(object @event) => new(Stream.Id, Stream.AppendAndVersion(@event));
}

/// <summary>The answer to an appointment: the year's stream and its new version, for the next command.</summary>
public sealed record OfficeYearChanged(Guid Id, int Version);
