using System.Globalization;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Governance.Records.Pdf;

/// <summary>What a PDF/A document says of itself, in its Info dictionary and its XMP alike.</summary>
public sealed record PdfAInfo(string Title, string Author, string Subject, DateTimeOffset Created, string DocumentId);

/// <summary>
/// Turns Chromium's PDF into PDF/A-2b. PDFsharp opens it and adds the sRGB output intent (an ICC v2 profile, embedded),
/// the document information (fixed dates and a document id from the content, so the same minutes give the same bytes)
/// and a metadata stream; PDFsharp writes its own XMP into that stream, so an incremental update then replaces it
/// with XMP that identifies the file as PDF/A-2b (pdfaid:part 2, conformance B) and repeats the Info entries exactly.
/// The fonts are Chromium's embedded subsets; the text stays extractable.
/// </summary>
public static partial class PdfA
{
    private static readonly byte[] SRgbProfile = LoadProfile();

    public static byte[] Conform(byte[] pdf, PdfAInfo info)
    {
        var amended = Amend(pdf, info);
        using var saved = PdfReader.Open(new MemoryStream(amended), PdfDocumentOpenMode.Import);
        var metadata =
            saved.Internals.Catalog.Elements.GetReference("/Metadata")
            ?? throw new InvalidOperationException("PDFsharp wrote no metadata stream.");
        var entries = new[] { "/Title", "/Author", "/Subject", "/Keywords", "/Creator", "/Producer" }
            .Where(saved.Info.Elements.ContainsKey)
            .ToDictionary(k => k, k => saved.Info.Elements.GetString(k));
        return AppendMetadata(amended, metadata.ObjectNumber, Xmp(entries, info.Created));
    }

    private static byte[] Amend(byte[] pdf, PdfAInfo info)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Modify);
        document.Info.Title = info.Title;
        document.Info.Author = info.Author;
        document.Info.Subject = info.Subject;
        document.Info.Creator = "Governance";
        document.Info.CreationDate = info.Created.UtcDateTime;
        document.Info.ModificationDate = info.Created.UtcDateTime;
        document.Internals.FirstDocumentID = info.DocumentId;
        document.Internals.SecondDocumentID = info.DocumentId;

        var profile = new PdfDictionary(document);
        profile.Elements.SetInteger("/N", 3);
        profile.CreateStream(SRgbProfile);
        document.Internals.AddObject(profile);
        var intent = new PdfDictionary(document);
        intent.Elements.SetName("/Type", "/OutputIntent");
        intent.Elements.SetName("/S", "/GTS_PDFA1");
        intent.Elements.SetString("/OutputConditionIdentifier", "sRGB IEC61966-2.1");
        intent.Elements.SetString("/Info", "sRGB IEC61966-2.1");
        intent.Elements.SetReference("/DestOutputProfile", profile);
        var intents = new PdfArray(document);
        intents.Elements.Add(intent);
        document.Internals.Catalog.Elements["/OutputIntents"] = intents;

        var metadata = new PdfDictionary(document);
        metadata.Elements.SetName("/Type", "/Metadata");
        metadata.Elements.SetName("/Subtype", "/XML");
        metadata.CreateStream("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>"u8.ToArray());
        document.Internals.AddObject(metadata);
        document.Internals.Catalog.Elements.SetReference("/Metadata", metadata);

        var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>The XMP packet: the PDF/A identification and each Info entry's XMP twin, with the same value.</summary>
    private static byte[] Xmp(Dictionary<string, string> info, DateTimeOffset created)
    {
        static string X(string s) => SecurityElement.Escape(s);
        string? Get(string key) => info.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
        var xml = new StringBuilder();
        xml.Append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
            .Append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
            .Append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
            .Append("<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" ")
            .Append("xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" ")
            .Append("xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n")
            .Append("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n")
            .Append("<dc:format>application/pdf</dc:format>\n");
        if (Get("/Title") is { } title)
            xml.Append($"<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{X(title)}</rdf:li></rdf:Alt></dc:title>\n");
        if (Get("/Author") is { } author)
            xml.Append($"<dc:creator><rdf:Seq><rdf:li>{X(author)}</rdf:li></rdf:Seq></dc:creator>\n");
        if (Get("/Subject") is { } subject)
            xml.Append(
                $"<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{X(subject)}</rdf:li></rdf:Alt>"
                    + $"</dc:description>\n"
            );
        if (Get("/Keywords") is { } keywords)
            xml.Append($"<pdf:Keywords>{X(keywords)}</pdf:Keywords>\n");
        if (Get("/Creator") is { } creator)
            xml.Append($"<xmp:CreatorTool>{X(creator)}</xmp:CreatorTool>\n");
        if (Get("/Producer") is { } producer)
            xml.Append($"<pdf:Producer>{X(producer)}</pdf:Producer>\n");
        // The Info dates are the same moment in UTC (D:…+00'00').
        var date = created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        xml.Append($"<xmp:CreateDate>{date}</xmp:CreateDate>\n<xmp:ModifyDate>{date}</xmp:ModifyDate>\n")
            .Append($"<xmp:MetadataDate>{date}</xmp:MetadataDate>\n");
        xml.Append("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
        return Encoding.UTF8.GetBytes(xml.ToString());
    }

    /// <summary>An incremental update that redefines the metadata object: the earlier bytes stay as they are.</summary>
    private static byte[] AppendMetadata(byte[] pdf, int objectNumber, byte[] xmp)
    {
        var tail = Encoding.Latin1.GetString(pdf, Math.Max(0, pdf.Length - 4096), Math.Min(4096, pdf.Length));
        var startxref = StartXref().Match(tail);
        var trailerAt = tail.LastIndexOf("trailer", StringComparison.Ordinal);
        if (!startxref.Success || trailerAt < 0)
            throw new InvalidOperationException("No classic trailer to update.");
        var dictionary = tail[
            (tail.IndexOf("<<", trailerAt, StringComparison.Ordinal) + 2)..tail.IndexOf(
                ">>",
                trailerAt,
                StringComparison.Ordinal
            )
        ];
        dictionary = PrevEntry().Replace(dictionary, "");

        using var output = new MemoryStream();
        output.Write(pdf);
        if (pdf[^1] != '\n')
            output.WriteByte((byte)'\n');
        var objectAt = output.Position;
        Write(output, $"{objectNumber} 0 obj\n<</Type/Metadata/Subtype/XML/Length {xmp.Length}>>\nstream\n");
        output.Write(xmp);
        Write(output, "\nendstream\nendobj\n");
        var xrefAt = output.Position;
        Write(
            output,
            string.Create(
                CultureInfo.InvariantCulture,
                $"xref\n{objectNumber} 1\n{objectAt:D10} 00000 n \n"
                    + $"trailer\n<<{dictionary}/Prev {startxref.Groups[1].Value}>>\n"
                    + $"startxref\n{xrefAt}\n%%EOF\n"
            )
        );
        return output.ToArray();
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.Latin1.GetBytes(text));

    [GeneratedRegex(@"startxref\s+(\d+)\s+%%EOF\s*$")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"/Prev\s+\d+")]
    private static partial Regex PrevEntry();

    private static byte[] LoadProfile()
    {
        using var stream =
            typeof(PdfA).Assembly.GetManifestResourceStream("Governance.Records.Pdf.sRGB.icc")
            ?? throw new InvalidOperationException("The sRGB profile is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
