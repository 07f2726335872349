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
/// The open duties of the whole distribution, read among the deliveries not yet acknowledged only (partial indexes hold
/// exactly them). A receipt settles its document for the registry on every channel in its own transaction
/// (<see cref="ReceiptOnOtherChannels"/>), so an open delivery is an open duty: one per document and registry, whose
/// deliveries on its channels (at most one each) are all open. Counting stops at <see cref="MaxCounted"/>, as the
/// decision search's does, so a registry that never acknowledges costs no more than one that does; the oldest are
/// listed first.
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

    private sealed record Row(string DocumentKey, string Title, string MunicipalityCode, bool DeadLettered);

    /// <summary>Deliveries waiting in the dead-letter store for the secretary to resend (an indexed status).</summary>
    public static async Task<int> DeadLettered(IBatchedQuery batch) =>
        (int)await batch.Query<Delivery>().Count(d => d.Status == DeliveryStatus.DeadLettered);

    /// <summary>
    /// In a batch of queries: how many duties there are, counted up to one more than the bound along the open
    /// deliveries' index of document and municipality, reading nothing else (in its order, so PostgreSQL stops at the
    /// bound instead of grouping every open delivery first).
    /// </summary>
    public static async Task<int> Count(IBatchedQuery batch) =>
        (
            await batch.Query<Counted>(
                $"select jsonb_build_object('Count', count(*)) from (select 1 from {Deliveries} d "
                    + $"where {IsOpen} group by d.document_key, d.municipality_code "
                    + $"order by d.document_key, d.municipality_code limit {MaxCounted + 1}) o"
            )
        )[0].Count;

    private sealed record Counted(int Count);

    /// <summary>
    /// In a batch of queries: the oldest <paramref name="listed"/> duties, and how many there are. The oldest open
    /// deliveries are read along the index of when they were requested, as many as the duties listed could have
    /// channels. A document's deliveries are requested at one instant, and ordered by document and municipality after
    /// it, so each duty's deliveries come together: the duties among those read are the oldest, and whether one failed
    /// for good is told by all of its own (only the last duty read can have one beyond them, and it is not listed).
    /// </summary>
    public static async Task<Found> Load(IBatchedQuery batch, int listed)
    {
        var count = Count(batch);
        var rows = await batch.Query<Row>(
            "select jsonb_build_object('DocumentKey', o.document_key, 'Title', o.title, "
                + "'MunicipalityCode', o.municipality_code, 'DeadLettered', o.dead) "
                + "from (select d.document_key, d.municipality_code, min(d.title) as title, "
                + "bool_or(d.status = 'DeadLettered') as dead, min(d.requested_at) as requested "
                + "from (select d.document_key, d.municipality_code, d.data ->> 'Title' as title, d.status, "
                + $"d.requested_at from {Deliveries} d where {IsOpen} "
                + "order by d.requested_at, d.document_key, d.municipality_code limit ?) d "
                + "group by d.document_key, d.municipality_code order by requested, d.municipality_code limit ?) o "
                + "order by o.requested, o.municipality_code",
            listed * Channels,
            listed
        );
        return new Found(
            [.. rows.Select(r => new OpenDuty(r.DocumentKey, r.Title, r.MunicipalityCode, r.DeadLettered))],
            await count
        );
    }

    /// <summary>How many deliveries one duty can have: one a channel.</summary>
    private static readonly int Channels = Enum.GetValues<DeliveryChannel>().Length;

    private const string Deliveries = "governance.mt_doc_delivery";

    /// <summary>A delivery (as d) not acknowledged, as the partial indexes' predicate says it.</summary>
    private const string IsOpen = "d.status <> 'Acknowledged'";
}
