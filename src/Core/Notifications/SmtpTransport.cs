using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CampusKonseling.Notifications;

/// <summary>
/// One message through one SMTP server with MailKit: text with an optional HTML alternative. Failures
/// come out as <see cref="SmtpSendException"/> naming what went wrong; the log line says where and why,
/// never what the message said.
/// </summary>
public sealed class SmtpTransport(IOptions<SmtpTransportOptions> options, ILogger<SmtpTransport> logger)
{
    private readonly Lazy<SmtpTrust> _trust = new(() => new SmtpTrust(options.Value.TrustedCertificatesFile));

    private enum Phase { Connect, Authenticate, Send }

    public async Task SendAsync(SmtpServer server, EmailMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient { Timeout = options.Value.TimeoutSeconds * 1000 };
        string? certificateRefused = null;
        client.ServerCertificateValidationCallback = (_, certificate, chain, errors) =>
        {
            certificateRefused = _trust.Value.Refusal(certificate, chain, errors);
            return certificateRefused is null;
        };
        var phase = Phase.Connect;
        try
        {
            using var mime = Compose(server, message);
            await client.ConnectAsync(server.Host, server.Port, Socket(server), ct);
            phase = Phase.Authenticate;
            if (!string.IsNullOrEmpty(server.OAuthToken))
                await client.AuthenticateAsync(new SaslMechanismOAuth2(server.UserName ?? "", server.OAuthToken), ct);
            else if (!string.IsNullOrEmpty(server.UserName))
                await client.AuthenticateAsync(server.UserName, server.Password ?? "", ct);
            phase = Phase.Send;
            await client.SendAsync(mime, ct);
            await client.DisconnectAsync(true, ct);
        }
        catch (Exception ex) when (Classify(ex, phase, certificateRefused, ct) is { } problem)
        {
            var detail = Detail(ex, certificateRefused);
            logger.LogWarning("SMTP delivery through {Server} failed while {Phase}: {Problem}: {Detail}",
                server.ToString(), phase.ToString().ToLowerInvariant(), problem, detail);
            throw ex as SmtpSendException ?? new SmtpSendException(problem, server.ToString(), detail, ex);
        }
    }

    private static MimeMessage Compose(SmtpServer server, EmailMessage message)
    {
        var mime = new MimeMessage { Subject = message.Subject };
        mime.From.Add(Address(message.From ?? server.From, SmtpProblem.SenderRefused, server));
        mime.To.Add(Address(message.To, SmtpProblem.RecipientRefused, server));
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }

    private static MailboxAddress Address(string text, SmtpProblem problem, SmtpServer server)
    {
        try { return MailboxAddress.Parse(text); }
        catch (ParseException ex) { throw new SmtpSendException(problem, server.ToString(), "not an e-mail address MimeKit can parse", ex); }
    }

    private static SecureSocketOptions Socket(SmtpServer server) => server.Security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.Implicit => SecureSocketOptions.SslOnConnect,
        // MailKit's Auto: port 465 is TLS from the start, other ports use STARTTLS when offered.
        _ => SecureSocketOptions.Auto,
    };

    /// <summary>Null for what is not a delivery failure (the caller's cancellation, a bug), which passes unchanged.</summary>
    private static SmtpProblem? Classify(Exception ex, Phase phase, string? certificateRefused, CancellationToken ct) => ex switch
    {
        OperationCanceledException when ct.IsCancellationRequested => null,
        SmtpSendException own => own.Problem,
        MailKit.Security.AuthenticationException => SmtpProblem.Authentication,
        // 530 to MAIL FROM: the server takes mail only after a sign-in.
        MailKit.ServiceNotAuthenticatedException => SmtpProblem.AuthenticationRequired,
        SslHandshakeException => certificateRefused is null ? SmtpProblem.TlsHandshake : SmtpProblem.UntrustedCertificate,
        NotSupportedException when phase == Phase.Connect => SmtpProblem.StartTlsNotOffered,
        NotSupportedException when phase == Phase.Authenticate => SmtpProblem.AuthenticationNotOffered,
        SmtpCommandException { StatusCode: SmtpStatusCode.AuthenticationRequired } => SmtpProblem.AuthenticationRequired,
        SmtpCommandException { ErrorCode: SmtpErrorCode.SenderNotAccepted } => SmtpProblem.SenderRefused,
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } => SmtpProblem.RecipientRefused,
        SmtpCommandException { ErrorCode: SmtpErrorCode.MessageNotAccepted } => SmtpProblem.MessageRefused,
        SmtpCommandException or SmtpProtocolException => SmtpProblem.Protocol,
        SocketException s => Network(s.SocketErrorCode),
        TimeoutException or OperationCanceledException => SmtpProblem.Timeout,
        IOException { InnerException: SocketException s } => Network(s.SocketErrorCode),
        IOException => SmtpProblem.Unreachable,
        _ => null,
    };

    private static SmtpProblem Network(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => SmtpProblem.ConnectionRefused,
        SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => SmtpProblem.HostNotFound,
        SocketError.TimedOut => SmtpProblem.Timeout,
        _ => SmtpProblem.Unreachable,
    };

    private static string Detail(Exception ex, string? certificateRefused)
    {
        var detail = ex switch
        {
            SmtpSendException own => own.Detail,
            SmtpCommandException c => $"{(int)c.StatusCode} {c.Message}",
            SocketException s => $"{s.SocketErrorCode}: {s.Message}",
            // MailKit's handshake message is a page of advice; the inner exception says what happened.
            SslHandshakeException { InnerException: { } inner } => $"TLS handshake: {inner.Message}",
            _ => $"{ex.GetType().Name}: {ex.Message}",
        };
        return certificateRefused is null ? detail : $"{detail} [certificate: {certificateRefused}]";
    }
}
