using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Governance.Infrastructure.Security.Keys;

/// <summary>One Data Protection key (its XML, protected at rest when a certificate or key is configured).</summary>
public sealed class StoredKey
{
    public string Id { get; set; } = "";
    public string Xml { get; set; } = "";
    public DateTimeOffset StoredAt { get; set; }
}

/// <summary>
/// The key ring in PostgreSQL: every node reads the same keys, and a restart or a new container keeps them, so
/// sign-in cookies, antiforgery tokens and receipt links issued before still work. Data Protection calls this
/// synchronously when it (re)loads the ring, at most every few hours, so the store's asynchronous calls are waited
/// for here (on the thread pool: no context to deadlock on).
/// </summary>
public sealed class DatabaseKeyRing(IDocumentStore store, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        Task.Run(async () =>
            {
                await using var session = store.QuerySession();
                var keys = await session.Query<StoredKey>().OrderBy(k => k.StoredAt).ToListAsync();
                return (IReadOnlyCollection<XElement>)[.. keys.Select(k => XElement.Parse(k.Xml))];
            })
            .GetAwaiter()
            .GetResult();

    public void StoreElement(XElement element, string friendlyName) =>
        Task.Run(async () =>
            {
                await using var session = store.LightweightSession();
                // A key is written once. The first is made by one node only (FirstKeyAtStart); a later one ahead of
                // expiry may be made by two nodes at once, each storing its own, read by all before it is used.
                session.Insert(
                    new StoredKey
                    {
                        Id = friendlyName,
                        Xml = element.ToString(SaveOptions.DisableFormatting),
                        StoredAt = clock.GetUtcNow(),
                    }
                );
                await session.SaveChangesAsync();
            })
            .GetAwaiter()
            .GetResult();
}
