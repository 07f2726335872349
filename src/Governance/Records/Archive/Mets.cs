using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Governance.Records.Archive;

/// <summary>
/// The package's root METS.xml in the E-ARK CSIP profile that FGS Paketstruktur builds on: a header with the creator
/// and creation date, the descriptive metadata by reference, every file in the file section with its SHA-256 and
/// size, and the physical structure map. Only the creation date changes between two exports of the same year.
/// </summary>
public static class Mets
{
    private static readonly XNamespace M = "http://www.loc.gov/METS/";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";
    private static readonly XNamespace Csip = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static byte[] Of(string packageId, string label, IReadOnlyList<ArchiveFile> files, DateTimeOffset created)
    {
        var descriptive = files
            .Where(f => f.Path.StartsWith("metadata/descriptive/", StringComparison.Ordinal))
            .ToList();
        var groups = files
            .Except(descriptive)
            .GroupBy(f =>
                f.Path.StartsWith("representations/rep1/", StringComparison.Ordinal)
                    ? "Representations/rep1"
                    : "Documentation"
            )
            .OrderBy(g => g.Key == "Documentation" ? 0 : 1)
            .ToList();
        var ids = files.Select((f, i) => (f, Id: $"ID-{i + 1:D4}")).ToDictionary(x => x.f.Path, x => x.Id);

        var mets = new XElement(
            M + "mets",
            new XAttribute(XNamespace.Xmlns + "mets", M),
            new XAttribute(XNamespace.Xmlns + "xlink", XLink),
            new XAttribute(XNamespace.Xmlns + "csip", Csip),
            new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
            new XAttribute("OBJID", packageId),
            new XAttribute("LABEL", label),
            new XAttribute("TYPE", "Other"),
            new XAttribute(Csip + "OTHERTYPE", "Allmänna handlingar: minnesanteckningar, beslut och händelselogg"),
            new XAttribute(Csip + "CONTENTINFORMATIONTYPE", "MIXED"),
            new XAttribute("PROFILE", "https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml"),
            new XAttribute(
                Xsi + "schemaLocation",
                "http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd"
            ),
            new XElement(
                M + "metsHdr",
                new XAttribute(
                    "CREATEDATE",
                    created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                ),
                new XAttribute("RECORDSTATUS", "NEW"),
                new XAttribute(Csip + "OAISPACKAGETYPE", "SIP"),
                Agent("ORGANIZATION", null, "Södertörnskommunernas samarbetskommitté"),
                Agent("OTHER", "SOFTWARE", "Governance")
            ),
            descriptive.Select(f => new XElement(
                M + "dmdSec",
                new XAttribute("ID", ids[f.Path]),
                new XAttribute("STATUS", "CURRENT"),
                Reference(M + "mdRef", f, new XAttribute("MDTYPE", "DC"), new XAttribute("LOCTYPE", "URL"))
            )),
            new XElement(
                M + "fileSec",
                new XAttribute("ID", "filesec-1"),
                groups.Select(g => new XElement(
                    M + "fileGrp",
                    new XAttribute("ID", $"grp-{g.Key.Replace('/', '-')}"),
                    new XAttribute("USE", g.Key),
                    g.Select(f => new XElement(
                        M + "file",
                        new XAttribute("ID", ids[f.Path]),
                        new XAttribute("MIMETYPE", f.MimeType),
                        new XAttribute("SIZE", f.Content.Length),
                        new XAttribute("CHECKSUM", Sha256(f.Content)),
                        new XAttribute("CHECKSUMTYPE", "SHA-256"),
                        new XElement(
                            M + "FLocat",
                            new XAttribute("LOCTYPE", "URL"),
                            new XAttribute(XLink + "type", "simple"),
                            new XAttribute(XLink + "href", f.Path)
                        )
                    ))
                ))
            ),
            new XElement(
                M + "structMap",
                new XAttribute("TYPE", "PHYSICAL"),
                new XAttribute("LABEL", "CSIP"),
                new XElement(
                    M + "div",
                    new XAttribute("LABEL", packageId),
                    new XElement(
                        M + "div",
                        new XAttribute("LABEL", "Metadata"),
                        new XAttribute("DMDID", string.Join(' ', descriptive.Select(f => ids[f.Path])))
                    ),
                    groups.Select(g => new XElement(
                        M + "div",
                        new XAttribute("LABEL", g.Key),
                        g.Select(f => new XElement(M + "fptr", new XAttribute("FILEID", ids[f.Path])))
                    ))
                )
            )
        );

        var output = new MemoryStream();
        using (
            var writer = XmlWriter.Create(
                output,
                new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }
            )
        )
            new XDocument(new XDeclaration("1.0", "UTF-8", null), mets).Save(writer);
        return output.ToArray();
    }

    private static XElement Agent(string type, string? otherType, string name) =>
        new(
            M + "agent",
            new XAttribute("ROLE", "CREATOR"),
            new XAttribute("TYPE", type),
            otherType is null ? null : new XAttribute("OTHERTYPE", otherType),
            new XElement(M + "name", name)
        );

    private static XElement Reference(XName name, ArchiveFile file, params object[] more) =>
        new(
            name,
            more,
            new XAttribute(XLink + "type", "simple"),
            new XAttribute(XLink + "href", file.Path),
            new XAttribute("MIMETYPE", file.MimeType),
            new XAttribute("SIZE", file.Content.Length),
            new XAttribute("CHECKSUM", Sha256(file.Content)),
            new XAttribute("CHECKSUMTYPE", "SHA-256")
        );

    public static string Sha256(byte[] content) => Convert.ToHexString(SHA256.HashData(content));
}
