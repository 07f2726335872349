using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Governance.Tests.Support;

/// <summary>
/// A real SMTP server on loopback (the SmtpServer library) that keeps what it receives, with the moment it arrived; it
/// can be stopped and started again on its port, and held: a sender then waits in the middle of its delivery.
/// </summary>
public sealed class TestSmtpServer : IDisposable
{
    private CancellationTokenSource? _running;
    private Task? _serving;
    private readonly Lock _gate = new();
    private TaskCompletionSource _open = Opened();
    private int _waiting;

    public int Port { get; } = FreePort();
    public ConcurrentQueue<MimeMessage> Received { get; } = new();
    public ConcurrentQueue<(DateTimeOffset At, MimeMessage Message)> Arrivals { get; } = new();

    /// <summary>Senders held at MAIL FROM now; nothing of theirs has arrived.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>From now on every sender waits at MAIL FROM until <see cref="Release"/> (or its own timeout).</summary>
    public void Hold()
    {
        lock (_gate)
        {
            if (_open.Task.IsCompleted)
                _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Release()
    {
        lock (_gate)
            _open.TrySetResult();
    }

    private Task Opening
    {
        get
        {
            lock (_gate)
                return _open.Task;
        }
    }

    public void Start()
    {
        if (_running is not null)
            return;
        _running = new CancellationTokenSource();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(Received, Arrivals));
        services.Add(new Gate(this));
        _serving = new SmtpServer.SmtpServer(options, services).StartAsync(_running.Token);
    }

    public void Stop()
    {
        if (_running is null)
            return;
        _running.Cancel();
        try
        {
            _serving?.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException) { }
        _running.Dispose();
        _running = null;
    }

    public void Clear()
    {
        Received.Clear();
        Arrivals.Clear();
    }

    public void Dispose() => Stop();

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private sealed class Store(
        ConcurrentQueue<MimeMessage> received,
        ConcurrentQueue<(DateTimeOffset, MimeMessage)> arrivals
    ) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context,
            IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken
        )
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            received.Enqueue(message);
            arrivals.Enqueue((DateTimeOffset.UtcNow, message));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Gate(TestSmtpServer server) : MailboxFilter
    {
        public override async Task<bool> CanAcceptFromAsync(
            ISessionContext context,
            SmtpServer.Mail.IMailbox from,
            int size,
            CancellationToken cancellationToken
        )
        {
            Interlocked.Increment(ref server._waiting);
            try
            {
                await server.Opening.WaitAsync(cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref server._waiting);
            }
            return true;
        }
    }
}
