using System.Net;
using Governance.Infrastructure.Validation;
using Microsoft.AspNetCore.RateLimiting;

namespace Governance.Distribution;

/// <summary>
/// The registry acknowledges receipt with its registration number (diarienummer): from its system, as registry.
/// </summary>
public record AcknowledgeReceipt(string Diarienummer, int Version)
{
    public class Validator : AbstractValidator<AcknowledgeReceipt>
    {
        public Validator()
        {
            RuleFor(x => x.Diarienummer).NotEmpty().MaximumLength(100);
            RuleFor(x => x.Version).GreaterThan(0);
        }
    }
}

public static class DeliveryRules
{
    public const string Receipt = "§3 minnesanteckningarna delges kommunerna";

    /// <summary>A delivery is acknowledged once it has been sent, and only once.</summary>
    public static bool Acknowledgeable(DeliveryStatus status) => status == DeliveryStatus.Sent;

    /// <summary>
    /// A failed delivery already has its retry scheduled: only the dead-letter store is resent by hand.
    /// </summary>
    public static bool Resendable(DeliveryStatus status) => status == DeliveryStatus.DeadLettered;

    public static RuleViolation? CanAcknowledge(Delivery delivery) =>
        Acknowledgeable(delivery.Status) ? null
        : delivery.Status == DeliveryStatus.Acknowledged
            ? new(Receipt, $"Mottagandet är redan kvitterat med diarienummer {delivery.Diarienummer}.")
        : new(Receipt, "Leveransen har inte skickats ännu och kan inte kvitteras.");

    public static RuleViolation? CanResend(Delivery delivery) =>
        Resendable(delivery.Status)
            ? null
            : new(
                Receipt,
                delivery.Status == DeliveryStatus.Failed
                    ? "Leveransen försöks igen automatiskt; "
                        + "den kan skickas om för hand när alla försök har misslyckats."
                    : "Endast en leverans vars alla försök har misslyckats kan skickas om."
            );
}

public static class AcknowledgeReceiptEndpoint
{
    public static ProblemDetails Validate(Delivery delivery, ClaimsPrincipal user) =>
        !user.MayActFor(delivery.MunicipalityCode)
            ? ClaimsPrincipalExtensions.ForbiddenFor(delivery.MunicipalityCode)
            : DeliveryRules.CanAcknowledge(delivery).OrContinue();

    [Authorize(Roles = $"{Roles.Registry},{Roles.Secretary}")]
    [WolverinePost("/api/distribution/{deliveryId}/acknowledgement", OperationId = nameof(AcknowledgeReceipt))]
    public static async Task<(UpdatedAggregate, ReceiptAcknowledged)> Post(
        AcknowledgeReceipt command,
        [WriteAggregate] Delivery delivery,
        ClaimsPrincipal user,
        IDocumentSession session,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var receipt = new ReceiptAcknowledged(
            delivery.Id,
            command.Diarienummer.Trim(),
            user.ActorName(),
            clock.GetUtcNow()
        );
        await ReceiptOnOtherChannels.RecordAsync(session, delivery, receipt, ct);
        return (new UpdatedAggregate(), receipt);
    }
}

/// <summary>
/// The signed link in the e-mail: a page where the registrar gives the diarienummer, and its form post.
/// </summary>
public static class ReceiptLinkEndpoint
{
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.Receipts)]
    [WolverineGet("/receipts/{deliveryId}", OperationId = "GetReceiptPage")]
    public static async Task<IResult> Get(
        Guid deliveryId,
        string? sig,
        ReceiptLinks links,
        IQuerySession session,
        CancellationToken ct
    )
    {
        if (!links.IsValid(deliveryId, sig) || await session.LoadAsync<Delivery>(deliveryId, ct) is not { } delivery)
            return Results.NotFound();
        var body =
            delivery.Status == DeliveryStatus.Acknowledged
                ? "<p>Mottagandet är kvitterat med diarienummer "
                    + $"<strong>{WebUtility.HtmlEncode(delivery.Diarienummer)}</strong>.</p>"
                : "<form method=\"post\"><label for=\"diarienummer\">Diarienummer</label> "
                    + "<input id=\"diarienummer\" name=\"diarienummer\" required maxlength=\"100\"> "
                    + "<button type=\"submit\">Kvittera</button></form>";
        return Results.Content(Page(delivery, body), "text/html; charset=utf-8");
    }

    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.Receipts)]
    [WolverinePost("/receipts/{deliveryId}", OperationId = "AcknowledgeReceiptByLink")]
    public static async Task<IResult> Post(
        Guid deliveryId,
        string? sig,
        [FromForm] string? diarienummer,
        ReceiptLinks links,
        IDocumentSession session,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (!links.IsValid(deliveryId, sig))
            return Results.NotFound();
        diarienummer = diarienummer?.Trim() ?? "";
        if (diarienummer.Length is 0 or > 100 || TextRules.Fault(diarienummer) is not null)
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["diarienummer"] = ["Ange ert diarienummer (högst 100 tecken)."] },
                title: "Uppgifterna är inte giltiga"
            );
        var stream = await session.Events.FetchForWriting<Delivery>(deliveryId, ct);
        if (stream.Aggregate is not { } delivery)
            return Results.NotFound();
        if (DeliveryRules.CanAcknowledge(delivery) is { } refused)
            return Results.Problem(refused.ToProblem());
        var receipt = new ReceiptAcknowledged(
            deliveryId,
            diarienummer,
            $"Registrator, {delivery.MunicipalityCode} (kvittenslänk)",
            clock.GetUtcNow()
        );
        stream.AppendOne(receipt);
        await ReceiptOnOtherChannels.RecordAsync(session, delivery, receipt, ct);
        await session.SaveChangesAsync(ct);
        return Results.Content(
            Page(
                delivery,
                "<p>Tack. Mottagandet är kvitterat med diarienummer "
                    + $"<strong>{WebUtility.HtmlEncode(diarienummer)}</strong>.</p>"
            ),
            "text/html; charset=utf-8"
        );
    }

    private static string Page(Delivery delivery, string body) =>
        "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Kvittens</title></head>"
        + $"<body><main><h1>Kvittens av {WebUtility.HtmlEncode(delivery.Title)}</h1>{body}</main></body></html>";
}
