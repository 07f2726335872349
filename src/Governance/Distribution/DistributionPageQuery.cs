using System.Data.Common;
using System.Globalization;
using Weasel.Storage;
using Marten.Linq.QueryHandlers;
using Weasel.Postgresql;

namespace Governance.Distribution;

/// <summary>
/// A page of documents, newest first, with each one's deliveries, in one statement of a batch: only the columns a page
/// shows, read as columns. Read as whole documents, the 160 deliveries of a page were 90 kB of JSON to parse for every
/// request, a third of the service's work for the page.
/// </summary>
public sealed class DistributionPageQuery(string? kind, int page, int size)
    : IQueryHandler<DistributionPageQuery.Result>
{
    /// <param name="Page">
    /// Each document with its deliveries, each delivery's municipality named by its code (the name is the register's).
    /// </param>
    /// <param name="More">Whether older documents follow the page.</param>
    public sealed record Result(IReadOnlyList<DocumentDistribution> Page, bool More);

    private const string Documents = "governance.mt_doc_distributiondocument";
    private const string Deliveries = "governance.mt_doc_delivery";

    public void ConfigureCommand(ICommandBuilder builder, IStorageSession session)
    {
        // One document past the page tells whether there are more; its deliveries are not read. Each document's
        // deliveries are looked up by its key.
        builder.Append(
            "select p.id, p.kind, p.title, p.meeting_id, p.created_at, p.n, d.id, d.municipality_code, d.channel, "
                + "d.address, d.status, d.attempts, d.last_error, d.sent_at, d.acknowledged_at, d.diarienummer, "
                + "d.version from (select s.*, row_number() over (order by s.created_at desc, s.id) as n "
                + $"from (select id, kind, title, meeting_id, created_at from {Documents}"
        );
        if (kind is not null)
        {
            builder.Append(" where kind = ");
            builder.AppendParameter(kind);
        }
        builder.Append(" order by created_at desc, id offset ");
        builder.AppendParameter((page - 1) * size);
        builder.Append(" limit ");
        builder.AppendParameter(size + 1);
        builder.Append(
            ") s) p left join lateral (select d.id, d.municipality_code, d.data ->> 'Channel' as channel, "
                + "d.data ->> 'Address' as address, d.status, (d.data ->> 'Attempts')::int as attempts, "
                + "d.data ->> 'LastError' as last_error, d.data ->> 'SentAt' as sent_at, "
                + "d.data ->> 'AcknowledgedAt' as acknowledged_at, d.data ->> 'Diarienummer' as diarienummer, "
                + $"d.mt_version::int as version from {Deliveries} d where d.document_key = p.id and p.n <= "
        );
        builder.AppendParameter(size);
        // "offset 0" keeps the lateral a subquery of its own: pulled up into a join, it may be planned as a merge over
        // every delivery's key.
        builder.Append(" offset 0) d on true order by p.n");
    }

    public async Task<Result> HandleAsync(DbDataReader reader, IStorageSession session, CancellationToken token)
    {
        var documents = new List<DocumentDistribution>(size);
        var more = false;
        List<DeliveryState>? current = null;
        string? currentKey = null;
        while (await reader.ReadAsync(token))
        {
            var key = reader.GetString(0);
            if (reader.GetInt64(5) > size)
            {
                more = true;
                continue;
            }
            if (key != currentKey)
            {
                current = [];
                currentKey = key;
                documents.Add(ReadDocument(reader, current));
            }
            if (!await reader.IsDBNullAsync(6, token))
                current!.Add(ReadDelivery(reader));
        }
        return new Result(documents, more);
    }

    public Task<int> StreamJson(Stream stream, DbDataReader reader, CancellationToken token) =>
        throw new NotSupportedException("A page of the distribution is read as values, not streamed as JSON.");

    private static DocumentDistribution ReadDocument(DbDataReader r, IReadOnlyList<DeliveryState> deliveries) =>
        new(
            r.GetString(0),
            r.GetString(1),
            r.GetString(2),
            r.IsDBNull(3) ? null : r.GetGuid(3),
            r.GetFieldValue<DateTimeOffset>(4),
            deliveries
        );

    private static DeliveryState ReadDelivery(DbDataReader r) =>
        new(
            r.GetGuid(6),
            r.GetString(7),
            r.GetString(7), // named by its code until the register's name is put in
            Enum.Parse<DeliveryChannel>(r.GetString(8)),
            r.GetString(9),
            Enum.Parse<DeliveryStatus>(r.GetString(10)),
            r.GetInt32(11),
            r.IsDBNull(12) ? null : r.GetString(12),
            Moment(r, 13),
            Moment(r, 14),
            r.IsDBNull(15) ? null : r.GetString(15),
            r.GetInt32(16)
        );

    /// <summary>A moment as the document's JSON holds it, offset included (a timestamp would give UTC).</summary>
    private static DateTimeOffset? Moment(DbDataReader r, int column) =>
        r.IsDBNull(column) ? null : DateTimeOffset.Parse(r.GetString(column), CultureInfo.InvariantCulture);
}
