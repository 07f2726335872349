using Governance.Municipalities;
using JasperFx;
using JasperFx.CommandLine;
using Marten.Events;
using Microsoft.Extensions.Hosting;

namespace Governance.Distribution;

/// <summary>
/// Once, after upgrading from a version that stored webhook secrets in plain text: each municipality whose current
/// secret is plain records its channels again with the secret encrypted, and then the plain secrets are masked out
/// of every earlier event with Marten's masking of protected information (the one sanctioned rewrite of an event's
/// data: the event, who and when stay; only the secret goes). Running it again finds nothing to do.
/// </summary>
public static class WebhookSecretMigration
{
    public const string Actor = "Tjänsten (kryptering av webhookhemligheter)";

    /// <summary>The masking rule, registered with the store: a plain secret becomes null.</summary>
    public static void MaskPlainWebhookSecrets(this StoreOptions options) =>
        options.Events.AddMaskingRuleForProtectedInformation<DeliveryChannelsConfigured>(e =>
            e.Channels.WebhookSecret is null ? e : e with { Channels = e.Channels with { WebhookSecret = null } }
        );

    public static async Task<int> RunAsync(
        IDocumentStore store,
        WebhookSecrets secrets,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        await using (var session = store.LightweightSession())
        {
            var plain = await session
                .Query<Municipality>()
                .Where(m => m.Channels.WebhookSecret != null)
                .Select(m => m.Id)
                .ToListAsync(ct);
            foreach (var id in plain)
            {
                var stream = await session.Events.FetchForWriting<Municipality>(id, ct);
                var current = stream.Aggregate!.Channels;
                var channels = current with
                {
                    WebhookSecret = null,
                    ProtectedWebhookSecret = secrets.Protected(current),
                };
                stream.AppendOne(new DeliveryChannelsConfigured(id, channels, Actor, clock.GetUtcNow()));
            }
            await session.SaveChangesAsync(ct);
            if (plain.Count == 0 && !await AnyPlainSecretInEventsAsync(session, ct))
                return 0;
        }
        await store.Advanced.ApplyEventDataMasking(
            masking => masking.IncludeEvents(e => e.EventTypesAre(typeof(DeliveryChannelsConfigured))),
            ct
        );
        return 1;
    }

    private static Task<bool> AnyPlainSecretInEventsAsync(IQuerySession session, CancellationToken ct) =>
        session
            .Events.QueryRawEventDataOnly<DeliveryChannelsConfigured>()
            .AnyAsync(e => e.Channels.WebhookSecret != null, ct);
}

[Description(
    "Encrypts webhook secrets stored in plain text by earlier versions and masks them out of the event log",
    Name = "protect-webhook-secrets"
)]
public sealed class ProtectWebhookSecretsCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = input.BuildHost();
        var services = host.Services;
        var changed = await WebhookSecretMigration.RunAsync(
            services.GetRequiredService<IDocumentStore>(),
            services.GetRequiredService<WebhookSecrets>(),
            services.GetRequiredService<TimeProvider>(),
            CancellationToken.None
        );
        Console.WriteLine(
            changed == 0
                ? "No webhook secret in plain text: nothing to do."
                : "Webhook secrets are encrypted and masked out of the event log."
        );
        return true;
    }
}
