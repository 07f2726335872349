using System.Globalization;
using System.Text;
using Governance.Infrastructure.Swedish;
using Governance.Meetings;

namespace Governance.Calendar;

/// <summary>
/// The meetings of both bodies as an iCalendar (RFC 5545) feed: a stable UID per meeting, SEQUENCE raised on every
/// change, cancelled meetings as STATUS:CANCELLED, and a link back to the meeting.
/// </summary>
public static class ICalendar
{
    public static string Render(
        IEnumerable<Meeting> meetings,
        IReadOnlyDictionary<string, string> names,
        string baseUrl,
        DateTimeOffset now
    )
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Governance//Södertörns samarbetskommitté//SV",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:Södertörns samarbetskommitté och ledningsgrupp",
            "X-WR-TIMEZONE:Europe/Stockholm",
        };
        foreach (var m in meetings)
        {
            var host = names.GetValueOrDefault(m.HostMunicipalityCode) ?? m.HostMunicipalityCode;
            lines.AddRange([
                "BEGIN:VEVENT",
                $"UID:{m.Id}@governance",
                $"SEQUENCE:{m.CalendarSequence}",
                $"DTSTAMP:{Utc(now)}",
                $"DTSTART:{Utc(Local(m.Date, m.StartsAt))}",
                $"DTEND:{Utc(Local(m.EndDate, m.EndsAt))}",
                "SUMMARY:"
                    + Text(
                        (m.Status == MeetingStatus.Cancelled ? "INSTÄLLT: " : "")
                            + $"{Labels.Of(m.Kind)} – {Labels.Of(m.Body)}"
                    ),
                $"LOCATION:{Text($"{m.Place} ({host})")}",
                "DESCRIPTION:"
                    + Text(
                        m.Status == MeetingStatus.Cancelled
                            ? $"Inställt: {m.CancellationReason}"
                            : $"Värdkommun: {host}"
                    ),
                $"URL:{baseUrl}/sammantraden/{m.Id}",
                $"STATUS:{(m.Status == MeetingStatus.Cancelled ? "CANCELLED" : "CONFIRMED")}",
                "END:VEVENT",
            ]);
        }
        lines.Add("END:VCALENDAR");
        var ics = new StringBuilder();
        foreach (var line in lines)
            Fold(ics, line);
        return ics.ToString();
    }

    private static DateTimeOffset Local(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, Infrastructure.Time.StockholmTime.Zone.GetUtcOffset(local));
    }

    private static string Utc(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Text(string value) =>
        value
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Lines longer than 75 octets are folded: CRLF and a space, never inside a UTF-8 character.</summary>
    private static void Fold(StringBuilder ics, string line)
    {
        var octets = 0;
        Span<char> chars = stackalloc char[2];
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                ics.Append("\r\n ");
                octets = 1;
            }
            ics.Append(chars[..rune.EncodeToUtf16(chars)]);
            octets += size;
        }
        ics.Append("\r\n");
    }
}
