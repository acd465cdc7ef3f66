using CampusKonseling.Notifications;
using Microsoft.Extensions.Options;

namespace CampusKonseling.Host.Infrastructure;

/// <summary>The platform's relay (CampusKonseling:Smtp). Trust and timeout are in <see cref="SmtpTransportOptions"/>, bound from the same section.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "CampusKonseling <noreply@localhost>";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>OAuth2 bearer token for <see cref="UserName"/> (XOAUTH2); used instead of the password when set.</summary>
    public string? OAuthToken { get; set; }
    /// <summary><c>auto</c>, <c>starttls</c>, <c>implicit</c> or <c>none</c> (<see cref="SmtpSecurity"/>).</summary>
    public string? Security { get; set; }
    /// <summary>Older setting, read when <see cref="Security"/> is not set: true is STARTTLS (implicit TLS on port 465), false no encryption.</summary>
    public bool? EnableSsl { get; set; }

    public string EffectiveSecurity => Security?.Trim().ToLowerInvariant() is { Length: > 0 } s ? s
        : EnableSsl is { } tls ? SmtpSecurity.FromTls(tls, Port) : SmtpSecurity.Auto;
}

/// <summary>Delivers mail through the platform's SMTP server (CampusKonseling:Smtp); a campus may set its own in the notifications module.</summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options, SmtpTransport transport, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        var o = options.Value;
        var server = new SmtpServer(o.Host!, o.Port, o.EffectiveSecurity, o.UserName, o.Password, o.From, o.OAuthToken);
        await transport.SendAsync(server, message, ct);
        // Where it went, never what it said: subjects carry tracking codes and names.
        logger.LogInformation("E-mail sent through the platform relay {Server}", server.ToString());
    }
}
