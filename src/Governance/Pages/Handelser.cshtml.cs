using Governance.Audit;
using JasperFx.Events;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Pages;

/// <summary>
/// The audit trail: every event, newest first, overall or for one stream, read straight from the event store.
/// </summary>
[Authorize(Roles = $"{Roles.Secretary},{Roles.Chair}")]
public sealed class HandelserModel(IQuerySession session) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(
        long Sequence,
        DateTimeOffset Timestamp,
        string What,
        string Type,
        string? Who,
        Guid StreamId,
        long Version,
        string Data
    );

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "strom")]
    public Guid? Stream { get; set; }

    [BindProperty(SupportsGet = true, Name = "fore")]
    public long? Before { get; set; }

    public long? Older { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = session.Events.QueryAllRawEvents().AsQueryable();
        if (Stream is { } stream)
            query = query.Where(e => e.StreamId == stream);
        if (Before is { } before)
            query = query.Where(e => e.Sequence < before);
        var events = await query.OrderByDescending(e => e.Sequence).Take(PageSize + 1).WithValuesRead().ToListAsync(ct);
        Older = events.Count > PageSize ? events[PageSize - 1].Sequence : null;
        Rows = [.. events.Take(PageSize).Select(ToRow)];
    }

    private static Row ToRow(IEvent e) =>
        new(
            e.Sequence,
            e.Timestamp,
            EventLabels.Of(e.EventType),
            e.EventType.Name,
            EventActor.Of(e.Data) ?? e.UserName,
            e.StreamId,
            e.Version,
            EventContent.Shown(e.Data, e.EventType)
        );
}
