using Npgsql;

namespace Governance.Records.Chain;

/// <summary>
/// An event row as the database holds it, read without deserialising its data: the hash covers the stored text.
/// </summary>
public sealed record StoredEvent(long Sequence, HashedEvent Event, string? Hash, string? Previous)
{
    /// <summary>
    /// The columns <see cref="Read"/> expects, in order, of the event table aliased <paramref name="alias"/>.
    /// </summary>
    public static string Columns(string alias) =>
        $"{alias}.seq_id, {alias}.id, {alias}.stream_id, {alias}.version, {alias}.type, {alias}.timestamp, "
        + $"{alias}.user_name, {alias}.correlation_id, {alias}.causation_id, {alias}.data::text, "
        + $"{alias}.headers ->> '{EventHash.Header}', {alias}.headers ->> '{EventHash.PreviousHeader}'";

    public const int ColumnCount = 12;

    /// <summary>Null when the row is absent (an outer join found no event).</summary>
    public static StoredEvent? Read(NpgsqlDataReader reader, int at)
    {
        if (reader.IsDBNull(at))
            return null;
        string? Text(int i) => reader.IsDBNull(at + i) ? null : reader.GetString(at + i);
        var e = new HashedEvent(
            reader.GetGuid(at + 1),
            reader.GetGuid(at + 2),
            reader.GetInt64(at + 3),
            reader.GetString(at + 4),
            reader.GetFieldValue<DateTimeOffset>(at + 5),
            Text(6),
            Text(7),
            Text(8),
            CanonicalJson.Of(reader.GetString(at + 9))
        );
        return new StoredEvent(reader.GetInt64(at), e, Text(10), Text(11));
    }

    /// <summary>
    /// The hash of the event as it stands now, against the predecessor it names (none for an unchained one).
    /// </summary>
    public string Recomputed => EventHash.Of(Event, Previous);
}
