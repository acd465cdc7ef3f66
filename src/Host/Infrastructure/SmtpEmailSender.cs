using System.Net;
using System.Net.Mail;
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

/// <summary>
/// Delivers mail through the SMTP server in CampusKonseling:Smtp. (MailKit is not obtainable
/// here; System.Net.Mail is enough for plain-text mail through a relay.)
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        var o = options.Value;
        using var client = new SmtpClient(o.Host, o.Port) { EnableSsl = o.EnableSsl, DeliveryMethod = SmtpDeliveryMethod.Network };
        if (o.UserName is not null) client.Credentials = new NetworkCredential(o.UserName, o.Password);
        using var mail = new MailMessage { From = new MailAddress(o.From), Subject = message.Subject, Body = message.TextBody, IsBodyHtml = false };
        mail.To.Add(message.To);
        mail.BodyEncoding = System.Text.Encoding.UTF8;
        mail.SubjectEncoding = System.Text.Encoding.UTF8;
        await client.SendMailAsync(mail, ct);
        logger.LogInformation("E-mail \"{Subject}\" sent through {Host}", message.Subject, o.Host);
    }
}
