using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Governance.Records.Chain;

/// <summary>
/// What an event's hash covers: its content as stored and the metadata that says what, where, when and who.
/// </summary>
public sealed record HashedEvent(
    Guid Id,
    Guid StreamId,
    long Version,
    string Type,
    DateTimeOffset Timestamp,
    string? UserName,
    string? CorrelationId,
    string? CausationId,
    string CanonicalData
);

/// <summary>
/// The two hashes of the record. An event's hash is SHA-256 over the canonical JSON object
/// <c>{causationId, correlationId, data, id, previous, streamId, timestamp, type, userName, version}</c> (keys in that
/// order, <c>previous</c> the hash of the stream's preceding event, <c>timestamp</c> UTC to the microsecond as
/// PostgreSQL keeps it); a seal's hash is SHA-256 over <c>{event, position, previous, sequence}</c>, chaining every
/// event
/// in the order it was sealed. Both are lower-case hex. The README gives the same recipe for the registries and
/// archives.
/// </summary>
public static class EventHash
{
    /// <summary>The event header holding the event's hash.</summary>
    public const string Header = "sha256";

    /// <summary>
    /// The event header holding the hash of the stream's preceding event (absent on a stream's first).
    /// </summary>
    public const string PreviousHeader = "previous";

    public static string Of(HashedEvent e, string? previous)
    {
        var text = new StringBuilder(e.CanonicalData.Length + 400);
        text.Append("{\"causationId\":");
        NullableString(e.CausationId, text);
        text.Append(",\"correlationId\":");
        NullableString(e.CorrelationId, text);
        text.Append(",\"data\":").Append(e.CanonicalData);
        text.Append(",\"id\":\"").Append(e.Id.ToString("D")).Append('"');
        text.Append(",\"previous\":");
        NullableString(previous, text);
        text.Append(",\"streamId\":\"").Append(e.StreamId.ToString("D")).Append('"');
        text.Append(",\"timestamp\":\"").Append(Timestamp(e.Timestamp)).Append('"');
        text.Append(",\"type\":");
        CanonicalJson.WriteString(e.Type, text);
        text.Append(",\"userName\":");
        NullableString(e.UserName, text);
        text.Append(",\"version\":").Append(e.Version.ToString(CultureInfo.InvariantCulture)).Append('}');
        return Sha256(text.ToString());
    }

    public static string Seal(string eventHash, long position, string? previousSeal, long sequence)
    {
        var text = new StringBuilder(200);
        text.Append("{\"event\":\"")
            .Append(eventHash)
            .Append("\",\"position\":")
            .Append(position.ToString(CultureInfo.InvariantCulture))
            .Append(",\"previous\":");
        NullableString(previousSeal, text);
        text.Append(",\"sequence\":").Append(sequence.ToString(CultureInfo.InvariantCulture)).Append('}');
        return Sha256(text.ToString());
    }

    /// <summary>PostgreSQL keeps microseconds: the hash covers the time as it will be read back.</summary>
    public static DateTimeOffset AsStored(DateTimeOffset moment) =>
        new(moment.UtcTicks - moment.UtcTicks % 10, TimeSpan.Zero);

    public static string Timestamp(DateTimeOffset moment) =>
        AsStored(moment).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static void NullableString(string? value, StringBuilder text)
    {
        if (value is null)
            text.Append("null");
        else
            CanonicalJson.WriteString(value, text);
    }

    private static string Sha256(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
