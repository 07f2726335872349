namespace Governance.Tests.Telemetry;

public sealed record OtlpSpan(
    string Scope,
    string TraceId,
    string SpanId,
    string ParentSpanId,
    string Name,
    int Kind,
    IReadOnlyDictionary<string, string> Attributes
);

public sealed record OtlpPoint(
    string Scope,
    string Metric,
    double Value,
    IReadOnlyDictionary<string, string> Attributes
);

public sealed record OtlpLogRecord(
    string Scope,
    int Severity,
    string Body,
    IReadOnlyDictionary<string, string> Attributes
);

/// <summary>
/// The few fields of OTLP's export requests the tests look at (opentelemetry-proto: trace, metrics and logs v1).
/// Attribute values are read as text: strings as they are, numbers and booleans formatted invariantly.
/// </summary>
public static class Otlp
{
    public const int SpanKindServer = 2;
    public const int SeverityWarn = 13;
    public const int SeverityError = 17;

    /// <summary>ExportTraceServiceRequest: resource_spans(1) → scope_spans(2) → scope(1).name(1), spans(2).</summary>
    public static IEnumerable<OtlpSpan> Spans(ReadOnlyMemory<byte> request) =>
        from resource in ProtoReader.Read(request).All(1)
        from scoped in resource.Fields.All(2)
        let scope = ScopeName(scoped)
        from span in scoped.Fields.All(2)
        let f = span.Fields.ToList()
        select new OtlpSpan(
            scope,
            f.One(1)?.Hex ?? "",
            f.One(2)?.Hex ?? "",
            f.One(4)?.Hex ?? "",
            f.One(5)?.Text ?? "",
            (int)(f.One(6)?.Scalar ?? 0),
            Attributes(f.All(9))
        );

    /// <summary>
    /// ExportMetricsServiceRequest: resource_metrics(1) → scope_metrics(2) → metrics(2): name(1), and the number data
    /// points of a gauge(5) or a sum(7): data_points(1) with as_double(4) or as_int(6) and attributes(7).
    /// </summary>
    public static IEnumerable<OtlpPoint> Points(ReadOnlyMemory<byte> request) =>
        from resource in ProtoReader.Read(request).All(1)
        from scoped in resource.Fields.All(2)
        let scope = ScopeName(scoped)
        from metric in scoped.Fields.All(2)
        let name = metric.Fields.One(1)?.Text ?? ""
        from data in metric.Fields.Where(f => f.Number is 5 or 7)
        from point in data.Fields.All(1)
        let p = point.Fields.ToList()
        let value = p.One(4) is { } asDouble ? asDouble.Double : (long)(p.One(6)?.Scalar ?? 0)
        select new OtlpPoint(scope, name, value, Attributes(p.All(7)));

    /// <summary>
    /// ExportLogsServiceRequest: resource_logs(1) → scope_logs(2) → scope(1).name(1) (the logger's category),
    /// log_records(2): severity_number(2), body(5), attributes(6).
    /// </summary>
    public static IEnumerable<OtlpLogRecord> Logs(ReadOnlyMemory<byte> request) =>
        from resource in ProtoReader.Read(request).All(1)
        from scoped in resource.Fields.All(2)
        let scope = ScopeName(scoped)
        from record in scoped.Fields.All(2)
        let f = record.Fields.ToList()
        select new OtlpLogRecord(
            scope,
            (int)(f.One(2)?.Scalar ?? 0),
            f.One(5) is { } body ? Value(body) : "",
            Attributes(f.All(6))
        );

    /// <summary>The name of every metric in a request, whatever its kind (histograms too).</summary>
    public static IEnumerable<string> MetricNames(ReadOnlyMemory<byte> request) =>
        from resource in ProtoReader.Read(request).All(1)
        from scoped in resource.Fields.All(2)
        from metric in scoped.Fields.All(2)
        select metric.Fields.One(1)?.Text ?? "";

    /// <summary>The resource's attributes of the first resource in a request (service.name and the like).</summary>
    public static IReadOnlyDictionary<string, string> Resource(ReadOnlyMemory<byte> request) =>
        ProtoReader.Read(request).One(1)?.Fields.One(1)?.Fields.All(1) is { } attributes
            ? Attributes(attributes)
            : new Dictionary<string, string>();

    private static string ScopeName(ProtoField scoped) => scoped.Fields.One(1)?.Fields.One(1)?.Text ?? "";

    /// <summary>KeyValue: key(1), value(2).</summary>
    private static Dictionary<string, string> Attributes(IEnumerable<ProtoField> keyValues) =>
        keyValues
            .Select(kv => kv.Fields.ToList())
            .GroupBy(kv => kv.One(1)?.Text ?? "")
            .ToDictionary(g => g.Key, g => g.Last().One(2) is { } value ? Value(value) : "");

    /// <summary>AnyValue: string(1), bool(2), int(3), double(4).</summary>
    private static string Value(ProtoField anyValue)
    {
        var inner = anyValue.Fields.FirstOrDefault();
        return inner.Number switch
        {
            1 => inner.Text,
            2 => inner.Scalar != 0 ? "true" : "false",
            3 => ((long)inner.Scalar).ToString(System.Globalization.CultureInfo.InvariantCulture),
            4 => inner.Double.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "",
        };
    }
}
