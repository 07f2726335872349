namespace Governance.Records.Archive;

/// <summary>One file of an archival package, its path relative to the package's root folder.</summary>
public sealed record ArchiveFile(string Path, string MimeType, byte[] Content);
