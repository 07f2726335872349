using System.Buffers;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Governance.Bench;

/// <summary>
/// The registries' mail server: takes every message and keeps a count, so deliveries succeed at once.
/// </summary>
public sealed class MailSink : IDisposable
{
    private readonly CancellationTokenSource _running = new();
    private static int _received;

    public MailSink()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Counter());
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(_running.Token);
    }

    public int Port { get; }
    public static int Received => _received;

    public void Dispose()
    {
        _running.Cancel();
        _running.Dispose();
    }

    private sealed class Counter : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(
            ISessionContext context,
            IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken
        )
        {
            Interlocked.Increment(ref _received);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
