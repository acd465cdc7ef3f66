using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace CampusKonseling.Notifications;

/// <summary>Where and as whom mail is handed over: the platform's relay or a campus's own.</summary>
public sealed record SmtpServer(string Host, int Port, bool Tls, string? UserName, string? Password, string From);

/// <summary>
/// One message through one SMTP server, text with an optional HTML alternative.
/// (MailKit is not obtainable here; System.Net.Mail is enough for mail through a relay.)
/// </summary>
public static class SmtpTransport
{
    public static async Task SendAsync(SmtpServer server, EmailMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient(server.Host, server.Port) { EnableSsl = server.Tls, DeliveryMethod = SmtpDeliveryMethod.Network, Timeout = 30_000 };
        if (!string.IsNullOrEmpty(server.UserName)) client.Credentials = new NetworkCredential(server.UserName, server.Password);
        using var mail = new MailMessage
        {
            From = new MailAddress(message.From ?? server.From), Subject = message.Subject, Body = message.TextBody, IsBodyHtml = false,
            BodyEncoding = Encoding.UTF8, SubjectEncoding = Encoding.UTF8,
        };
        mail.To.Add(message.To);
        if (message.HtmlBody is { } html)
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(html, Encoding.UTF8, MediaTypeNames.Text.Html));
        await client.SendMailAsync(mail, ct);
    }
}
