using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Governance.Records.Pdf;

/// <summary>
/// A headless Chromium spoken to with the DevTools protocol over a pipe: its descriptors 3 and 4 are this side's
/// standard input and output of the child, so no port is opened that another process on the host could use, and the
/// browser ends when the pipe closes, also when the service dies without closing it. Messages are JSON, each ended by
/// a NUL byte; replies carry the id of their command, events the session of their page.
/// </summary>
public sealed class DevToolsPipe : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new()
    {
        // Commands are written by reflection also where an application turns that off by default.
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly Process _process;
    private readonly DirectoryInfo _profile;
    private readonly Stream _toBrowser;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _replies = new();
    private readonly ConcurrentDictionary<(string Session, string Method), Awaited> _events = new();
    private readonly ConcurrentQueue<string> _log = new();
    private readonly Task _reading;
    private volatile bool _closed;
    private int _lastId;

    private DevToolsPipe(Process process, DirectoryInfo profile)
    {
        _process = process;
        _profile = profile;
        _toBrowser = process.StandardInput.BaseStream;
        _ = KeepLogAsync(process.StandardError);
        _reading = ReadAsync(process.StandardOutput.BaseStream);
    }

    public int ProcessId => _process.Id;

    /// <summary>The browser has ended or its pipe is closed: it answers nothing more.</summary>
    public bool IsClosed => _closed;

    public static DevToolsPipe Start(string chromium)
    {
        var profile = Directory.CreateTempSubdirectory("governance-chromium-");
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The shell only hands the pipes to the descriptors the browser reads and writes, then becomes the browser;
            // what the browser prints itself goes to its standard error.
            ArgumentList =
            {
                "-c",
                "exec \"$0\" \"$@\" 3<&0 4>&1 </dev/null >&2",
                chromium,
                "--headless",
                "--remote-debugging-pipe",
                "--no-sandbox",
                "--disable-gpu",
                // A container's /dev/shm is 64 MB by default; Chromium's shared memory goes to the temporary folder.
                "--disable-dev-shm-usage",
                "--disable-extensions",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--no-default-browser-check",
                "--mute-audio",
                $"--user-data-dir={profile.FullName}",
                "about:blank",
            },
        };
        try
        {
            return new DevToolsPipe(
                Process.Start(start) ?? throw new InvalidOperationException($"{chromium} did not start."),
                profile
            );
        }
        catch
        {
            profile.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>Sends a command (to the browser, or to a page's session) and returns its result.</summary>
    public async Task<JsonElement> SendAsync(string method, object? parameters, string? session, CancellationToken ct)
    {
        var id = Interlocked.Increment(ref _lastId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _replies[id] = reply;
        try
        {
            if (IsClosed)
                throw Closed();
            var message = JsonSerializer.SerializeToUtf8Bytes(
                new Command(id, method, parameters ?? new { }, session),
                Json
            );
            await _writing.WaitAsync(ct);
            try
            {
                await _toBrowser.WriteAsync(message, ct);
                await _toBrowser.WriteAsync(new byte[] { 0 }, ct);
                await _toBrowser.FlushAsync(ct);
            }
            finally
            {
                _writing.Release();
            }
            return await reply.Task.WaitAsync(ct);
        }
        catch (IOException e)
        {
            throw Closed(e);
        }
        finally
        {
            _replies.TryRemove(id, out _);
        }
    }

    /// <summary>
    /// The first event of this name from a page's session that <paramref name="accept"/> takes; asked for before the
    /// command that causes it is sent. Events are read in the order the browser sent them, one at a time.
    /// </summary>
    public Task<JsonElement> NextEventAsync(
        string session,
        string method,
        Func<JsonElement, bool> accept,
        CancellationToken ct
    )
    {
        var awaited = new Awaited(accept);
        if (!_events.TryAdd((session, method), awaited))
            throw new InvalidOperationException($"{method} is awaited already.");
        if (IsClosed)
            awaited.Reply.TrySetException(Closed());
        return WaitAsync();

        async Task<JsonElement> WaitAsync()
        {
            try
            {
                return await awaited.Reply.Task.WaitAsync(ct);
            }
            finally
            {
                _events.TryRemove(KeyValuePair.Create((session, method), awaited));
            }
        }
    }

    private async Task ReadAsync(Stream fromBrowser)
    {
        var pending = new ArrayBufferWriter<byte>();
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await fromBrowser.ReadAsync(buffer)) > 0)
            {
                var chunk = buffer.AsSpan(0, read);
                int end;
                while ((end = chunk.IndexOf((byte)0)) >= 0)
                {
                    pending.Write(chunk[..end]);
                    Dispatch(pending.WrittenMemory);
                    pending.ResetWrittenCount();
                    chunk = chunk[(end + 1)..];
                }
                pending.Write(chunk);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or JsonException) { }
        finally
        {
            // Whatever still waits gets an answer: the browser is gone. Closed first, so what is asked for from now on
            // is answered by the check after it is registered.
            _closed = true;
            foreach (var reply in _replies.Values)
                reply.TrySetException(Closed());
            foreach (var awaited in _events.Values)
                awaited.Reply.TrySetException(Closed());
        }
    }

    private void Dispatch(ReadOnlyMemory<byte> message)
    {
        using var document = JsonDocument.Parse(message);
        var root = document.RootElement;
        if (root.TryGetProperty("id", out var id))
        {
            if (!_replies.TryGetValue(id.GetInt32(), out var reply))
                return;
            if (root.TryGetProperty("error", out var error))
                reply.TrySetException(new InvalidOperationException($"Chromium refused a command: {error}"));
            else
                reply.TrySetResult(root.GetProperty("result").Clone());
            return;
        }
        var session = root.TryGetProperty("sessionId", out var s) ? s.GetString() ?? "" : "";
        var method = root.GetProperty("method").GetString() ?? "";
        if (!_events.TryGetValue((session, method), out var awaited))
            return;
        var parameters = root.TryGetProperty("params", out var p) ? p.Clone() : default;
        if (awaited.Accept(parameters) && _events.TryRemove((session, method), out _))
            awaited.Reply.TrySetResult(parameters);
    }

    /// <summary>The browser's last lines of log, for the error that says why it ended.</summary>
    private async Task KeepLogAsync(StreamReader log)
    {
        try
        {
            while (await log.ReadLineAsync() is { } line)
            {
                _log.Enqueue(line);
                while (_log.Count > 20)
                    _log.TryDequeue(out _);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException) { }
    }

    private InvalidOperationException Closed(Exception? inner = null) =>
        new($"Chromium closed its DevTools pipe: {string.Join(" | ", _log.TakeLast(5))}", inner);

    /// <summary>Asks the browser to close, then ends it and its children if it has not within a few seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!IsClosed)
        {
            using var polite = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await SendAsync("Browser.close", null, null, polite.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or InvalidOperationException) { }
        }
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
        // Read from, the process's pipes are this side's to close.
        _toBrowser.Dispose();
        _process.StandardOutput.Dispose();
        _process.StandardError.Dispose();
        _process.Dispose();
        _writing.Dispose();
        try
        {
            _profile.Delete(recursive: true);
        }
        catch (IOException) { }
    }

    private sealed record Awaited(Func<JsonElement, bool> Accept)
    {
        public TaskCompletionSource<JsonElement> Reply { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed record Command(int Id, string Method, object Params, string? SessionId);
}
