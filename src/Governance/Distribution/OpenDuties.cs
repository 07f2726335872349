using Governance.Municipalities;
using Marten.Services.BatchQuerying;

namespace Governance.Distribution;

/// <summary>A document a municipality's registry has not acknowledged on any channel.</summary>
public sealed record OpenDuty(string DocumentKey, string Title, string MunicipalityCode, bool DeadLettered)
{
    public string Describe(IReadOnlyDictionary<string, string> names) =>
        $"{Title}: ännu inte kvitterad av {names.NameOr(MunicipalityCode)}"
        + (DeadLettered ? " (leveransen misslyckades, skicka om)" : "");
}

/// <summary>
/// The open duties of the whole distribution, read among the deliveries not yet acknowledged only (a partial index
/// holds exactly them). Counting stops at <see cref="MaxCounted"/>, as the decision search's does, so a registry that
/// never acknowledges costs no more than one that does; the oldest of those counted are listed first.
/// </summary>
public static class OpenDuties
{
    public const int MaxCounted = 100;

    /// <summary>A count as shown: exact up to the bound, "fler än 100" above it.</summary>
    public static string Shown(int count) => count > MaxCounted ? "Fler än 100" : $"{count}";

    /// <summary>The duties listed, and how many there are (more than <see cref="MaxCounted"/> when bounded).</summary>
    public sealed record Found(IReadOnlyList<OpenDuty> Listed, int Count)
    {
        public bool CountIsLowerBound => Count > MaxCounted;
    }

    private sealed record Row(string DocumentKey, string Title, string MunicipalityCode, bool DeadLettered, int Total);

    /// <summary>Deliveries waiting in the dead-letter store for the secretary to resend (an indexed status).</summary>
    public static async Task<int> DeadLettered(IBatchedQuery batch) =>
        (int)await batch.Query<Delivery>().Count(d => d.Status == DeliveryStatus.DeadLettered);

    /// <summary>In a batch of queries: how many duties there are, counted up to one more than the bound.</summary>
    public static async Task<int> Count(IBatchedQuery batch) =>
        (
            await batch.Query<Counted>(
                $"select jsonb_build_object('Count', count(*)) from (select 1 {Open} "
                    + $"group by d.document_key, d.municipality_code limit {MaxCounted + 1}) o"
            )
        )[0].Count;

    private sealed record Counted(int Count);

    /// <summary>In a batch of queries: the oldest <paramref name="listed"/> duties, and how many there are.</summary>
    public static async Task<Found> Load(IBatchedQuery batch, int listed)
    {
        var rows = await batch.Query<Row>(
            "select jsonb_build_object('DocumentKey', o.document_key, 'Title', o.title, "
                + "'MunicipalityCode', o.municipality_code, 'DeadLettered', o.dead, 'Total', count(*) over ()) "
                + "from (select d.document_key, d.municipality_code, min(d.data ->> 'Title') as title, "
                + "bool_or(d.status = 'DeadLettered') as dead, min(d.data ->> 'RequestedAt') as requested "
                + $"{Open} group by d.document_key, d.municipality_code "
                + $"order by d.document_key, d.municipality_code limit {MaxCounted + 1}) o "
                + "order by o.requested, o.municipality_code limit ?",
            listed
        );
        return new Found(
            [.. rows.Select(r => new OpenDuty(r.DocumentKey, r.Title, r.MunicipalityCode, r.DeadLettered))],
            rows.Count > 0 ? rows[0].Total : 0
        );
    }

    private const string Deliveries = "governance.mt_doc_delivery";

    /// <summary>
    /// The deliveries (as d) not acknowledged, along the open index, less those whose document the same municipality
    /// has acknowledged on another channel. That is looked up for each one in the acknowledged index (`offset 0` keeps
    /// it a lookup per row): as a join, PostgreSQL would read every acknowledged delivery of the archive to match.
    /// </summary>
    private const string Open =
        $"from {Deliveries} d where d.status <> 'Acknowledged' and not exists (select 1 from {Deliveries} a "
        + "where a.document_key = d.document_key and a.municipality_code = d.municipality_code "
        + "and a.status = 'Acknowledged' offset 0)";
}
