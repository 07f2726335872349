using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Governance.Tests.Operations;

/// <summary>
/// Caddy running deploy/Caddyfile in front of a service, with its own certificate authority ("tls internal") and its
/// state in a folder of its own: no admin endpoint, no port 80, nothing added to the machine's trust store.
/// </summary>
public sealed class CaddyProxy : IAsyncDisposable
{
    public const string Program = "/usr/bin/caddy";
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _folder;

    private CaddyProxy(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Url = $"https://localhost:{port}";
        process.OutputDataReceived += (_, e) =>
        {
            lock (_output)
                _output.AppendLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_output)
                _output.AppendLine(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Url { get; }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public static CaddyProxy Start(string upstream)
    {
        if (!File.Exists(Program))
            throw new InvalidOperationException(
                $"The proxy test needs Caddy at {Program}: on Debian `apt-get install caddy` (.ci/run does)."
            );
        var folder = Directory.CreateTempSubdirectory("governance-caddy").FullName;
        var port = FreePort();
        var config = Path.Combine(folder, "Caddyfile");
        File.WriteAllText(
            config,
            $$"""
            {
                admin off
                auto_https disable_redirects
                skip_install_trust
                storage file_system {{Path.Combine(folder, "data")}}
            }
            import {{OperatorCommands.Script("Caddyfile")}}
            """
        );
        var start = new ProcessStartInfo(Program, ["run", "--config", config, "--adapter", "caddyfile"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH");
        start.Environment["HOME"] = folder;
        start.Environment["XDG_DATA_HOME"] = Path.Combine(folder, "data");
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(folder, "config");
        start.Environment["GOVERNANCE_SITE"] = $"https://localhost:{port}";
        start.Environment["GOVERNANCE_TLS"] = "internal";
        start.Environment["GOVERNANCE_UPSTREAM"] = upstream;
        return new CaddyProxy(Process.Start(start)!, folder, port);
    }

    /// <summary>
    /// A client that trusts exactly this Caddy's own root certificate, once Caddy serves its site's certificate: it
    /// makes the root first and issues the site's certificate just after, and until then ends each handshake.
    /// </summary>
    public async Task<HttpClient> ClientAsync(CookieContainer cookies)
    {
        var root = Path.Combine(_folder, "data", "pki", "authorities", "local", "root.crt");
        for (var attempt = 0; !File.Exists(root); attempt++)
        {
            if (_process.HasExited || attempt == 300)
                throw new InvalidOperationException($"Caddy did not start:\n{Output}");
            await Task.Delay(100);
        }
        var trusted = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(root));
        bool Validate(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
        {
            var misnamed = errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch);
            if (certificate is not X509Certificate2 leaf || misnamed)
                return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(trusted);
            // The intermediate Caddy sends along with its certificate.
            chain.ChainPolicy.ExtraStore.AddRange(presented?.ChainPolicy.ExtraStore ?? []);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(leaf);
        }
        for (var attempt = 0; !await HandshakeAsync(Validate); attempt++)
        {
            if (_process.HasExited || attempt == 300)
                throw new InvalidOperationException($"Caddy served no trusted certificate:\n{Output}");
            await Task.Delay(100);
        }
        var handler = new HttpClientHandler
        {
            CookieContainer = cookies,
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, certificate, presented, errors) =>
                Validate(certificate, presented, errors),
        };
        return new HttpClient(handler) { BaseAddress = new Uri(Url) };
    }

    private async Task<bool> HandshakeAsync(
        Func<X509Certificate?, X509Chain?, SslPolicyErrors, bool> validate
    )
    {
        var address = new Uri(Url);
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(address.Host, address.Port);
            await using var tls = new SslStream(tcp.GetStream(), false, (_, c, chain, e) => validate(c, chain, e));
            await tls.AuthenticateAsClientAsync(address.Host);
            return true;
        }
        catch (Exception e) when (e is IOException or SocketException or AuthenticationException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
                await term.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
