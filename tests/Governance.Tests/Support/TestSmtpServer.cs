using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Governance.Tests.Support;

/// <summary>A real SMTP server on loopback (the SmtpServer library) that keeps what it receives; it can be stopped and started again on its port.</summary>
public sealed class TestSmtpServer : IDisposable
{
    private CancellationTokenSource? _running;
    private Task? _serving;

    public int Port { get; } = FreePort();
    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    public void Start()
    {
        if (_running is not null) return;
        _running = new CancellationTokenSource();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(Received));
        _serving = new SmtpServer.SmtpServer(options, services).StartAsync(_running.Token);
    }

    public void Stop()
    {
        if (_running is null) return;
        _running.Cancel();
        try { _serving?.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _running.Dispose();
        _running = null;
    }

    public void Clear() => Received.Clear();

    public void Dispose() => Stop();

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
