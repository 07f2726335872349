using System.Security.Cryptography;
using Governance.Infrastructure.Validation;
using Microsoft.AspNetCore.RateLimiting;
using Npgsql;

namespace Governance.Meetings;

/// <summary>A stored file, addressed by its SHA-256: the same file attached twice is stored once.</summary>
public sealed class StoredDocument
{
    public string Id { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public byte[] Content { get; set; } = [];

    /// <summary>
    /// The document as Marten would write it, made by PostgreSQL from the bytes (`?`: checksum, content type, size,
    /// content). The same checksum is the same file: stored once.
    /// </summary>
    public const string InsertSql =
        "insert into governance.mt_doc_storeddocument (id, data, mt_dotnet_type) select f.id, "
        + "jsonb_build_object('Id', f.id, 'ContentType', f.type, 'Size', f.size, "
        + "'Content', translate(encode(f.content, 'base64'), E'\\n', '')), 'Governance.Meetings.StoredDocument' "
        + "from (select ?::varchar as id, ?::text as type, ?::bigint as size, ?::bytea as content) f "
        + "on conflict (id) do nothing";
}

public static class AttachDocumentEndpoint
{
    public const long MaxBytes = 25 * 1024 * 1024;

    // Reads the form fields from the request: the endpoint binds them too, and one generated method cannot bind a field
    // twice.
    public static async Task<ProblemDetails> ValidateAsync(
        Guid itemId,
        HttpRequest request,
        IFormFile? file,
        Meeting meeting
    )
    {
        var form = await request.ReadFormAsync();
        var title = form["title"].ToString();
        _ = int.TryParse(form["version"], out var version);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(title) || title.Length > 300)
            errors["title"] = ["Ange handlingens titel (högst 300 tecken)."];
        else if (TextRules.Fault(title) is { } titleFault)
            errors["title"] = [titleFault];
        if (file is null || file.Length == 0)
            errors["file"] = ["Bifoga filen."];
        else if (TextRules.Fault(file.FileName) is not null || Path.GetFileName(file.FileName).Length is 0 or > 255)
            errors["file"] = ["Filens namn är inte giltigt."];
        else if (file.Length > MaxBytes)
            errors["file"] = [$"Filen får vara högst {MaxBytes / 1024 / 1024} MB."];
        if (version <= 0)
            errors["version"] = ["Ange den version du utgick från (ett heltal)."];
        if (errors.Count > 0)
            return new ValidationProblemDetails(errors)
            {
                Status = 400,
                Title = "Uppgifterna är inte giltiga",
                Detail = "Rätta fälten nedan och försök igen.",
            };
        // The version comes with the form, not a JSON body: checked here, and the fetched version is checked again at
        // commit.
        if (version != meeting.Version)
            return Problems.StaleVersion(version, meeting.Version);
        if (MeetingRules.IsOpen(meeting) is { } closed)
            return closed.ToProblem();
        return meeting.Item(itemId) is null
            ? Problems.NotFound($"Ärendet {itemId} finns inte på dagordningen.")
            : WolverineContinue.NoProblems;
    }

    /// <summary>
    /// Attaches a document (title and file) to an agenda item; the file is stored and its checksum recorded.
    /// </summary>
    [Authorize(Roles = $"{Roles.Secretary},{Roles.Chair}")]
    [WolverinePost("/api/meetings/{meetingId}/agenda/{itemId}/documents", OperationId = "AttachDocument")]
    public static async Task<(UpdatedAggregate, DocumentAttached)> Post(
        Guid itemId,
        [FromForm] string title,
        IFormFile file,
        [WriteAggregate] Meeting meeting,
        IDocumentSession session,
        ClaimsPrincipal user,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        // The form's file is buffered on disk by then: read once into an array of its size, and PostgreSQL writes the
        // document's JSON itself. Serialized here, one 25 MB file grew the service by 134 MB.
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
            await stream.ReadExactlyAsync(content, ct);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var contentType = string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType;
        session.QueueSqlCommand(StoredDocument.InsertSql, sha256, contentType, content.LongLength, content);
        return (
            new UpdatedAggregate(),
            new DocumentAttached(
                meeting.Id,
                itemId,
                Guid.CreateVersion7(),
                title.Trim(),
                Path.GetFileName(file.FileName),
                contentType,
                content.LongLength,
                sha256,
                user.ActorName(),
                clock.GetUtcNow()
            )
        );
    }
}

public static class GetDocumentEndpoint
{
    /// <summary>
    /// A stored document by its SHA-256 checksum. The documents of an agenda whose notice is issued are public records;
    /// any other is for the signed-in only, and to the public it does not exist (404, not 401): whether the committee
    /// holds a given file is itself not public.
    /// </summary>
    [WolverineGet("/api/documents/{sha256}", OperationId = "GetDocument")]
    [EnableRateLimiting(RateLimits.Files)]
    public static async Task<IResult> Get(
        string sha256,
        ClaimsPrincipal user,
        IQuerySession session,
        NpgsqlDataSource database,
        HttpResponse response,
        CancellationToken ct
    )
    {
        var id = sha256.ToLowerInvariant();
        var visible =
            user.Identity?.IsAuthenticated == true
            || PublicView.IsPublicDocument(
                await MeetingHeaders.SelectedAsync(session, DocumentListing.MeetingIdsSql, [id], ct)
            );
        var file = visible
            ? await StoredFileDownload.OpenAsync(
                database,
                id,
                contentType => $"handling-{id[..12]}{Extension(contentType)}",
                ct
            )
            : null;
        if (file is null)
            return Results.Problem(Problems.NotFound($"Ingen handling med kontrollsumman {sha256}."));
        // Its connection goes back to the pool when the request ends, sent or not.
        response.RegisterForDisposeAsync(file);
        // An uploaded file is the uploader's content on our origin: saved, never run (no sniffing, no script, no
        // same-origin).
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return file;
    }

    private static string Extension(string contentType) =>
        contentType switch
        {
            "application/pdf" => ".pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => ".docx",
            "text/plain" => ".txt",
            _ => "",
        };
}
