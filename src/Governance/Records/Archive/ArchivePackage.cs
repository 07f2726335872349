using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace Governance.Records.Archive;

/// <summary>
/// A year's archival information package: METS.xml at the root, descriptive metadata, a Swedish README in
/// documentation/, and the year's records under representations/rep1/data. Written as a ZIP (or a folder) with the
/// entries in a fixed order and a fixed time stamp, so two exports of a year differ only in METS.xml's creation date.
/// </summary>
public sealed class ArchivePackage(YearRecords records, TimeProvider clock)
{
    public const string Committee = "Södertörnskommunernas samarbetskommitté";
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string PackageId(int year) => $"sodertornskommunernas-samarbetskommitte-{year}";

    public async Task<IReadOnlyList<ArchiveFile>> FilesAsync(IDocumentSession session, int year, CancellationToken ct)
    {
        var content = await records.CollectAsync(session, year, ct);
        var files = new List<ArchiveFile> { Describe(year), ReadMe(year, content) };
        files.AddRange(content);
        var label = $"{Committee} – allmänna handlingar {year}";
        return
        [
            new ArchiveFile("METS.xml", "text/xml", Mets.Of(PackageId(year), label, files, clock.GetUtcNow())),
            .. files,
        ];
    }

    public async Task WriteZipAsync(IDocumentSession session, int year, Stream output, CancellationToken ct)
    {
        var files = await FilesAsync(session, year, ct);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var file in files)
        {
            var entry = zip.CreateEntry($"{PackageId(year)}/{file.Path}", CompressionLevel.Optimal);
            entry.LastWriteTime = EntryTime;
            await using var stream = entry.Open();
            await stream.WriteAsync(file.Content, ct);
        }
    }

    public async Task WriteFolderAsync(IDocumentSession session, int year, string folder, CancellationToken ct)
    {
        foreach (var file in await FilesAsync(session, year, ct))
        {
            var path = Path.Combine(folder, PackageId(year), file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, file.Content, ct);
        }
    }

    /// <summary>Dublin Core description of the package, in Swedish.</summary>
    private static ArchiveFile Describe(int year)
    {
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        var xml = new XElement(
            "metadata",
            new XAttribute(XNamespace.Xmlns + "dc", dc),
            new XElement(dc + "title", $"{Committee}: minnesanteckningar, beslut och händelselogg {year}"),
            new XElement(dc + "creator", Committee),
            new XElement(dc + "publisher", "Sekretariatet, Huddinge kommun"),
            new XElement(
                dc + "subject",
                "Samverkan mellan Botkyrka, Haninge, Huddinge, Nykvarn, Nynäshamn, Salem, Södertälje och Tyresö"
            ),
            new XElement(dc + "coverage", $"{year}-01-01/{year}-12-31"),
            new XElement(dc + "type", "Allmänna handlingar"),
            new XElement(dc + "language", "sv")
        );
        return new ArchiveFile(
            "metadata/descriptive/beskrivning.xml",
            "text/xml",
            Encoding.UTF8.GetBytes(new XDocument(new XDeclaration("1.0", "UTF-8", null), xml).ToString() + "\n")
        );
    }

    /// <summary>The README's list of the package's parts: each path, then what it holds, in aligned columns.</summary>
    private static string Contents(int year, int minutes) =>
        string.Join(
            "\n",
            new (string Path, string What)[]
            {
                ("METS.xml", "förteckning över varje fil med storlek och SHA-256-kontrollsumma"),
                ("metadata/descriptive/beskrivning.xml", "beskrivning av paketet (Dublin Core)"),
                ("documentation/LASMIG.txt", "den här filen"),
                (
                    "representations/rep1/data/minnesanteckningar/",
                    $"justerade minnesanteckningar som PDF/A-2b ({minutes} st.),"
                ),
                ("", "som de står med alla rättelser"),
                ("representations/rep1/data/beslut/", "årets beslut ur justerade minnesanteckningar (JSON)"),
                ("representations/rep1/data/handelser/", "årets händelselogg (JSON): varje registrerad händelse"),
                ("representations/rep1/data/avtal/", $"samarbetsavtalet som det gällde den 31 december {year} (JSON)"),
            }.Select(row => Column(row.Path) + row.What)
        );

    private static string Column(string path) => path.Length < PathColumn ? path.PadRight(PathColumn) : path + "   ";

    /// <summary>Where the descriptions start in the README's list of parts.</summary>
    private const int PathColumn = 43;

    private static ArchiveFile ReadMe(int year, IReadOnlyList<ArchiveFile> content)
    {
        var minutes = content.Count(f => f.MimeType == "application/pdf");
        var text =
            $"""
                {Committee} – arkivpaket för {year}
                {new string('=', Committee.Length + 21)}

                Paketet innehåller kommitténs allmänna handlingar för {year} i den struktur som FGS Paketstruktur och
                E-ARK CSIP beskriver:

                {Contents(year, minutes)}

                Kontroll av filerna: räkna SHA-256 för varje fil och jämför med CHECKSUM i METS.xml.

                Kontroll av händelseloggen: varje händelse i handelser-{year}.json har sha256 = SHA-256 av UTF-8-texten
                """
            + "\n{\"causationId\":…,\"correlationId\":…,\"data\":…,\"id\":…,\"previous\":…,\"streamId\":…,"
            + "\"timestamp\":…,\"type\":…,\"userName\":…,\"version\":…}\n"
            + "skriven som kanonisk JSON (nycklar i bokstavsordning, inga mellanslag, tal exakt som decimaltal), "
            + "där previous är\n"
            + "sha256 för föregående händelse i samma post. Förseglingen (seal) kedjar alla händelser i ordning:\n"
            + "chain = SHA-256 av {\"event\":sha256,\"position\":position,\"previous\":föregående chain,"
            + "\"sequence\":sequence}.\n"
            + "Minnesanteckningarna anger kedjans kontrollsumma vid justeringen; den ska finnas som seal.chain i "
            + "loggen.\n"
            + """

                Alla JSON-filer är UTF-8 med nycklar i bokstavsordning. Två exporter av samma år skiljer sig bara i
                METS.xml:s skapandedatum (CREATEDATE).
                """;
        return new ArchiveFile(
            "documentation/LASMIG.txt",
            "text/plain",
            Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n") + "\n")
        );
    }
}
