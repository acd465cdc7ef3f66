using CampusKonseling.Notifications;
using Microsoft.Extensions.Options;

namespace CampusKonseling.Host.Infrastructure;

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "CampusKonseling <noreply@localhost>";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool EnableSsl { get; set; }
}

/// <summary>Delivers mail through the platform's SMTP server (CampusKonseling:Smtp); a campus may set its own in the notifications module.</summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        var o = options.Value;
        await SmtpTransport.SendAsync(new SmtpServer(o.Host!, o.Port, o.EnableSsl, o.UserName, o.Password, o.From), message, ct);
        logger.LogInformation("E-mail \"{Subject}\" sent through {Host}", message.Subject, o.Host);
    }
}
