using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Governance.Tests.Support;

/// <summary>
/// A registry's system as a real HTTP server on loopback: it records each webhook call (headers and body).
/// </summary>
public sealed class TestWebhookReceiver : IAsyncDisposable
{
    public sealed record Call(IReadOnlyDictionary<string, string> Headers, string Body);

    private readonly WebApplication _app;

    private TestWebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<Call> Calls { get; } = new();
    public string Url => _app.Urls.First() + "/registry/inbox";

    public static async Task<TestWebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new TestWebhookReceiver(app);
        app.MapPost(
            "/registry/inbox",
            async (HttpRequest request) =>
            {
                using var reader = new StreamReader(request.Body);
                receiver.Calls.Enqueue(
                    new Call(
                        request.Headers.ToDictionary(
                            h => h.Key,
                            h => h.Value.ToString(),
                            StringComparer.OrdinalIgnoreCase
                        ),
                        await reader.ReadToEndAsync()
                    )
                );
                return Results.Ok();
            }
        );
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
