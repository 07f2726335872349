namespace Governance.Records.Archive;

public static class GetArchivePackageEndpoint
{
    /// <summary>A year's archival information package as a ZIP, for the secretary to hand to the archive.</summary>
    [Authorize(Roles = Roles.Secretary)]
    [ProducesResponseType<byte[]>(StatusCodes.Status200OK, "application/zip")]
    [WolverineGet("/api/archive/{year}", OperationId = "GetArchivePackage")]
    public static async Task<IResult> Get(
        int year,
        IDocumentSession session,
        ArchivePackage package,
        CancellationToken ct
    )
    {
        if (year is < 2000 or > 2999)
            return Results.Problem(Problems.NotFound($"Det finns inget arkivpaket för år {year}."));
        var zip = new MemoryStream();
        await package.WriteZipAsync(session, year, zip, ct);
        return Results.File(zip.ToArray(), "application/zip", $"{ArchivePackage.PackageId(year)}.zip");
    }
}
