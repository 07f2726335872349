using Governance.Municipalities;

namespace Governance.Distribution;

/// <summary>A document a municipality's registry has not acknowledged on any channel.</summary>
public sealed record OpenDuty(string DocumentKey, string Title, string MunicipalityCode, bool DeadLettered)
{
    public string Describe(IReadOnlyDictionary<string, string> names) =>
        $"{Title}: ännu inte kvitterad av {names.NameOr(MunicipalityCode)}" +
        (DeadLettered ? " (leveransen misslyckades, skicka om)" : "");
}

/// <summary>
/// The open duties of the whole distribution, read among the deliveries not yet acknowledged only: the work grows
/// with the duties still open, not with everything ever sent. The oldest are listed first, up to a bound; all are
/// counted.
/// </summary>
public static class OpenDuties
{
    public sealed record Found(IReadOnlyList<OpenDuty> Listed, int Count);

    private sealed record Row(string DocumentKey, string Title, string MunicipalityCode, bool DeadLettered, int Total);

    public static async Task<Found> LoadAsync(IQuerySession session, int listed, CancellationToken ct)
    {
        const string deliveries = "governance.mt_doc_delivery";
        var rows = await session.QueryAsync<Row>(
            "select jsonb_build_object('DocumentKey', o.document_key, 'Title', o.title, " +
            "'MunicipalityCode', o.municipality_code, 'DeadLettered', o.dead, 'Total', count(*) over ()) " +
            "from (select d.document_key, d.municipality_code, min(d.data ->> 'Title') as title, " +
            "bool_or(d.status = 'DeadLettered') as dead, min(d.data ->> 'RequestedAt') as requested " +
            $"from {deliveries} d where d.status <> 'Acknowledged' and not exists (select 1 from {deliveries} a " +
            "where a.document_key = d.document_key and a.municipality_code = d.municipality_code " +
            "and a.status = 'Acknowledged') group by d.document_key, d.municipality_code) o " +
            "order by o.requested, o.municipality_code limit ?", ct, listed);
        return new Found([.. rows.Select(r => new OpenDuty(r.DocumentKey, r.Title, r.MunicipalityCode, r.DeadLettered))],
            rows.Count > 0 ? rows[0].Total : 0);
    }
}
