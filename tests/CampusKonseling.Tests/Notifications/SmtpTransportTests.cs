using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CampusKonseling.Notifications;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampusKonseling.Tests.Notifications;

/// <summary>
/// Mail through MailKit to real servers on loopback: maildev (plain) and the TLS test server (STARTTLS,
/// implicit TLS, AUTH with a password or an OAuth2 token), each message read back from maildev; and each
/// kind of failure an administrator can meet, named so the page can say what to check.
/// </summary>
public sealed class SmtpTransportTests
{
    private readonly ListLogger _log = new();

    private SmtpTransport Transport(string? trusted = "test-ca", int timeoutSeconds = 15) => new(
        Options.Create(new SmtpTransportOptions { TrustedCertificatesFile = trusted == "test-ca" ? TestSmtp.Certificate : trusted, TimeoutSeconds = timeoutSeconds }),
        _log);

    private static SmtpServer Server(int port, string security, string? password = null, string? token = null, string host = "127.0.0.1")
    {
        var user = password is null && token is null ? null : TestSmtp.User;
        return new(host, port, security, user, password, "Konseling Uji <konseling@kampus-uji.test>", token);
    }

    private static EmailMessage Message(out string to, out string subject)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        to = $"penerima.{id}@mahasiswa.test";
        subject = $"Jadwal konseling {id} — Senin";
        return new EmailMessage(to, subject, "Isi rahasia: catatan sesi.", "<p>Isi rahasia: catatan sesi.</p>");
    }

    private async Task DeliveredAsync(SmtpServer server)
    {
        var message = Message(out var to, out var subject);
        await Transport().SendAsync(server, message, default);
        var mail = await MailDev.WaitForAsync(to);
        Assert.Equal(subject, mail.Subject);
        Assert.Equal("konseling@kampus-uji.test", mail.From);
    }

    [Fact]
    public Task Plain_smtp_reaches_maildev() => DeliveredAsync(Server(TestSmtp.PlainPort, SmtpSecurity.None));

    [Fact]
    public Task Starttls_with_a_password_is_delivered() => DeliveredAsync(Server(TestSmtp.StartTlsPort, SmtpSecurity.StartTls, password: TestSmtp.Password));

    [Fact]
    public Task Implicit_tls_with_a_password_is_delivered() => DeliveredAsync(Server(TestSmtp.ImplicitTlsPort, SmtpSecurity.Implicit, password: TestSmtp.Password));

    [Fact]
    public Task Starttls_with_an_oauth2_token_is_delivered() => DeliveredAsync(Server(TestSmtp.StartTlsPort, SmtpSecurity.StartTls, token: TestSmtp.OAuthToken));

    [Fact]
    public Task Implicit_tls_with_an_oauth2_token_is_delivered() => DeliveredAsync(Server(TestSmtp.ImplicitTlsPort, SmtpSecurity.Implicit, token: TestSmtp.OAuthToken));

    [Fact]
    public async Task Auto_takes_starttls_where_it_is_offered_and_the_name_localhost_matches_the_certificate()
    {
        // The TLS server offers AUTH only after STARTTLS, so a delivery proves the connection was encrypted.
        await DeliveredAsync(Server(TestSmtp.StartTlsPort, SmtpSecurity.Auto, password: TestSmtp.Password, host: "localhost"));
    }

    private async Task<SmtpSendException> FailsAsync(SmtpServer server, SmtpTransport? transport = null)
    {
        var message = Message(out _, out var subject);
        var failure = await Assert.ThrowsAsync<SmtpSendException>(() => (transport ?? Transport()).SendAsync(server, message, default));
        // The log says where and why, never what the message said.
        var line = Assert.Single(_log.Lines);
        Assert.Contains(server.Host, line);
        Assert.Contains(failure.Problem.ToString(), line);
        Assert.DoesNotContain(subject, line);
        Assert.DoesNotContain("rahasia", line);
        return failure;
    }

    [Fact]
    public async Task A_wrong_password_or_token_is_an_authentication_failure()
    {
        Assert.Equal(SmtpProblem.Authentication, (await FailsAsync(Server(TestSmtp.StartTlsPort, SmtpSecurity.StartTls, password: "salah"))).Problem);
        _log.Lines.Clear();
        Assert.Equal(SmtpProblem.Authentication, (await FailsAsync(Server(TestSmtp.ImplicitTlsPort, SmtpSecurity.Implicit, token: "ya29.kedaluwarsa"))).Problem);
        Assert.DoesNotContain(TestSmtp.Password, string.Join("\n", _log.Lines));
    }

    [Fact]
    public async Task A_server_that_wants_a_sign_in_says_so()
    {
        var failure = await FailsAsync(Server(TestSmtp.ImplicitTlsPort, SmtpSecurity.Implicit));
        Assert.Equal(SmtpProblem.AuthenticationRequired, failure.Problem);
    }

    [Fact]
    public async Task Starttls_demanded_of_a_server_that_does_not_offer_it_is_refused_before_any_mail_goes()
    {
        var failure = await FailsAsync(Server(TestSmtp.PlainPort, SmtpSecurity.StartTls));
        Assert.Equal(SmtpProblem.StartTlsNotOffered, failure.Problem);
    }

    [Fact]
    public async Task A_certificate_the_host_does_not_trust_is_refused_and_validation_cannot_be_skipped()
    {
        // Without the operator's extra trusted certificate the self-signed test server is refused.
        var untrusted = await FailsAsync(Server(TestSmtp.StartTlsPort, SmtpSecurity.StartTls, password: TestSmtp.Password), Transport(trusted: null));
        Assert.Equal(SmtpProblem.UntrustedCertificate, untrusted.Problem);
        Assert.Contains("RemoteCertificateChainErrors", untrusted.Detail);
        _log.Lines.Clear();

        // A certificate under a trusted root but for another name is still refused.
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=smtp.kampus-lain.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("smtp.kampus-lain.test");
        request.CertificateExtensions.Add(names.Build());
        using var other = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        var trusted = Path.Combine(Path.GetTempPath(), $"smtp-lain-{Guid.NewGuid():N}.crt");
        await File.WriteAllTextAsync(trusted, other.ExportCertificatePem());
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var handshake = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            using var tls = new SslStream(client.GetStream());
            using var serving = X509CertificateLoader.LoadPkcs12(other.Export(X509ContentType.Pfx), null);
            try { await tls.AuthenticateAsServerAsync(serving); } catch (Exception) { /* the client walks away */ }
        });
        try
        {
            var wrongName = await FailsAsync(Server(((IPEndPoint)listener.LocalEndpoint).Port, SmtpSecurity.Implicit), Transport(trusted));
            Assert.Equal(SmtpProblem.UntrustedCertificate, wrongName.Problem);
            Assert.Contains("RemoteCertificateNameMismatch", wrongName.Detail);
        }
        finally { File.Delete(trusted); }
        await handshake;
    }

    [Fact]
    public async Task Implicit_tls_against_a_plain_greeting_is_a_handshake_failure()
    {
        var failure = await FailsAsync(Server(TestSmtp.StartTlsPort, SmtpSecurity.Implicit, password: TestSmtp.Password));
        Assert.Equal(SmtpProblem.TlsHandshake, failure.Problem);
    }

    [Fact]
    public async Task A_closed_port_an_unknown_host_and_a_silent_server_are_told_apart()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var closed = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Assert.Equal(SmtpProblem.ConnectionRefused, (await FailsAsync(Server(closed, SmtpSecurity.None))).Problem);
        _log.Lines.Clear();
        Assert.Equal(SmtpProblem.HostNotFound, (await FailsAsync(Server(25, SmtpSecurity.None, host: "smtp.tidak-ada.invalid"))).Problem);
        _log.Lines.Clear();

        // Accepts the connection and never greets, as an implicit-TLS port does to a plain client.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = silent.AcceptTcpClientAsync();
        var failure = await FailsAsync(Server(((IPEndPoint)silent.LocalEndpoint).Port, SmtpSecurity.None), Transport(timeoutSeconds: 1));
        Assert.Equal(SmtpProblem.Timeout, failure.Problem);
        (await accepted).Dispose();
    }

    [Fact]
    public async Task A_refused_sender_and_a_refused_recipient_are_told_apart()
    {
        // The TLS test server refuses any address starting with "ditolak", as a relay refuses a sender it does not own.
        var server = Server(TestSmtp.StartTlsPort, SmtpSecurity.StartTls, password: TestSmtp.Password);
        Assert.Equal(SmtpProblem.SenderRefused, (await FailsAsync(server with { From = "ditolak@kampus-uji.test" })).Problem);
        _log.Lines.Clear();
        var failure = await Assert.ThrowsAsync<SmtpSendException>(() =>
            Transport().SendAsync(server, new EmailMessage("ditolak@mahasiswa.test", "Uji", "isi"), default));
        Assert.Equal(SmtpProblem.RecipientRefused, failure.Problem);
        _log.Lines.Clear();
        // An address MimeKit cannot read never reaches a server.
        Assert.Equal(SmtpProblem.SenderRefused, (await FailsAsync(server with { From = "Konseling <konseling@>" })).Problem);
    }

    private sealed class ListLogger : ILogger<SmtpTransport>
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines) Lines.Add(formatter(state, exception) + exception);
        }
    }
}
