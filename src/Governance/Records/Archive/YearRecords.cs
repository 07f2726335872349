using System.Text;
using System.Text.Json;
using Governance.Decisions;
using Governance.Meetings;
using Governance.Offices;
using Governance.Records.Chain;
using Governance.Records.Pdf;
using Npgsql;

namespace Governance.Records.Archive;

/// <summary>What the archive receives of a year, each file in a fixed order with fixed content.</summary>
public sealed class YearRecords(
    MinutesPublication publication,
    IAgreementInForce agreement,
    NpgsqlDataSource database,
    IDocumentStore store,
    ChainSealer sealer
)
{
    public const string Data = "representations/rep1/data";

    public async Task<IReadOnlyList<ArchiveFile>> CollectAsync(IDocumentSession session, int year, CancellationToken ct)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        // The event log carries every event's seal: all of it sealed first, so a second export reads the same.
        await sealer.SealThroughLatestAsync(ct);
        var meetings = (
            await session
                .Query<Meeting>()
                .Where(m => m.Date >= first && m.Date <= last)
                .WithValuesRead()
                .ToListAsync(ct)
        )
            .Where(m => m.Approval is not null)
            .OrderBy(m => m.Date)
            .ThenBy(m => m.StartsAt)
            .ThenBy(m => m.Id)
            .ToList();

        var files = new List<ArchiveFile>();
        foreach (var meeting in meetings)
        {
            var minutes = await publication.LoadAsync(session, meeting, sealFirst: true, ct);
            var (pdf, _) = await publication.PdfAsync(session, minutes, ct);
            files.Add(
                new ArchiveFile(
                    $"{Data}/minnesanteckningar/{meeting.Date:yyyy-MM-dd}-"
                        + $"{Slug(meeting.Body)}-{meeting.Id.ToString()[..8]}.pdf",
                    "application/pdf",
                    pdf.Content
                )
            );
        }

        var approved = meetings.Select(m => m.Id).ToHashSet();
        var decisions = (
            await session.Query<DecisionRecord>().Where(d => d.Year == year).WithValuesRead().ToListAsync(ct)
        )
            .Where(d => approved.Contains(d.MeetingId))
            .OrderBy(d => d.MeetingDate)
            .ThenBy(d => d.MeetingId)
            .ThenBy(d => d.ItemNumber)
            .Select(d => new
            {
                d.Id,
                d.MeetingId,
                d.MeetingDate,
                d.Body,
                d.MeetingKind,
                d.ItemNumber,
                d.ItemTitle,
                d.Kind,
                d.RaisedByMunicipalityCode,
                d.Outcome,
                d.Text,
                d.Rule,
                d.Objectors,
                d.Corrected,
            });
        files.Add(
            new ArchiveFile(
                $"{Data}/beslut/beslut-{year}.json",
                "application/json",
                ArchiveJson.Of(JsonSerializer.SerializeToElement(decisions, ArchiveJson.Options))
            )
        );

        files.Add(
            new ArchiveFile($"{Data}/handelser/handelser-{year}.json", "application/json", await EventsAsync(year, ct))
        );
        foreach (var file in await agreement.OnAsync(session, last, ct))
            files.Add(file with { Path = $"{Data}/{file.Path}" });
        return files;
    }

    /// <summary>
    /// The year's events (Stockholm calendar year of their timestamp) in sequence order, each with everything its hash
    /// covers, its hash and predecessor, and its link in the seal: enough to recompute both chains without the service.
    /// </summary>
    private async Task<byte[]> EventsAsync(int year, CancellationToken ct)
    {
        var schema = store.Options.DatabaseSchemaName;
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        var from = TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, 1, 1), zone);
        var to = TimeZoneInfo.ConvertTimeToUtc(new DateTime(year + 1, 1, 1), zone);
        await using var command = database.CreateCommand(
            $"select {StoredEvent.Columns("e")}, s.position, p.chain_hash, s.chain_hash from {schema}.mt_events e "
                + $"left join {schema}.{RecordsSchema.Seal} s on s.seq_id = e.seq_id "
                + $"left join {schema}.{RecordsSchema.Seal} p on p.position = s.position - 1 "
                + "where e.timestamp >= $1 and e.timestamp < $2 order by e.seq_id"
        );
        command.Parameters.AddWithValue(new DateTimeOffset(from, TimeSpan.Zero));
        command.Parameters.AddWithValue(new DateTimeOffset(to, TimeSpan.Zero));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var json = new StringBuilder("[");
        var n = 0;
        while (await reader.ReadAsync(ct))
        {
            var e = StoredEvent.Read(reader, 0)!;
            var at = StoredEvent.ColumnCount;
            string? Text(int i) => reader.IsDBNull(at + i) ? null : reader.GetString(at + i);
            if (n++ > 0)
                json.Append(',');
            json.Append(
                JsonSerializer.Serialize(
                    new
                    {
                        sequence = e.Sequence,
                        id = e.Event.Id,
                        streamId = e.Event.StreamId,
                        version = e.Event.Version,
                        type = e.Event.Type,
                        timestamp = EventHash.Timestamp(e.Event.Timestamp),
                        userName = e.Event.UserName,
                        correlationId = e.Event.CorrelationId,
                        causationId = e.Event.CausationId,
                        data = JsonDocument.Parse(e.Event.CanonicalData).RootElement,
                        sha256 = e.Hash,
                        previous = e.Previous,
                        seal = reader.IsDBNull(at)
                            ? null
                            : new
                            {
                                position = reader.GetInt64(at),
                                previous = Text(1),
                                chain = Text(2),
                            },
                    }
                )
            );
        }
        return ArchiveJson.Of(json.Append(']').ToString());
    }

    private static string Slug(Body body) => body == Body.Committee ? "samarbetskommitten" : "ledningsgruppen";
}
