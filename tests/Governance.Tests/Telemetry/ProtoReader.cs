namespace Governance.Tests.Telemetry;

/// <summary>
/// The protobuf wire format, just enough to read OTLP: each field is a number and a value, which is a varint,
/// 8 or 4 fixed bytes, or a length-delimited run of bytes (a string, bytes or a nested message).
/// </summary>
public readonly record struct ProtoField(int Number, ulong Scalar, ReadOnlyMemory<byte> Bytes)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Bytes.Span);
    public string Hex => Convert.ToHexStringLower(Bytes.Span);
    public double Double => BitConverter.Int64BitsToDouble((long)Scalar);
    public IEnumerable<ProtoField> Fields => ProtoReader.Read(Bytes);
}

public static class ProtoReader
{
    public static IEnumerable<ProtoField> Read(ReadOnlyMemory<byte> message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var key = Varint(message.Span, ref position);
            var (number, wireType) = ((int)(key >> 3), (int)(key & 7));
            switch (wireType)
            {
                case 0:
                    yield return new(number, Varint(message.Span, ref position), default);
                    break;
                case 1:
                    yield return new(number, BitConverter.ToUInt64(message.Span.Slice(position, 8)), default);
                    position += 8;
                    break;
                case 2:
                    var length = (int)Varint(message.Span, ref position);
                    yield return new(number, 0, message.Slice(position, length));
                    position += length;
                    break;
                case 5:
                    yield return new(number, BitConverter.ToUInt32(message.Span.Slice(position, 4)), default);
                    position += 4;
                    break;
                default:
                    throw new FormatException($"wire type {wireType} of field {number} at {position}");
            }
        }
    }

    private static ulong Varint(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
                return value;
        }
    }

    /// <summary>The message fields numbered <paramref name="number"/>.</summary>
    public static IEnumerable<ProtoField> All(this IEnumerable<ProtoField> fields, int number) =>
        fields.Where(f => f.Number == number);

    public static ProtoField? One(this IEnumerable<ProtoField> fields, int number) =>
        fields.Where(f => f.Number == number).Select(f => (ProtoField?)f).LastOrDefault();
}
