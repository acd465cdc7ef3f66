using CampusKonseling.Notifications;

namespace CampusKonseling.Host.Infrastructure;

/// <summary>Fallback mail delivery: the log. Replaced by the notifications module's SMTP sender.</summary>
public sealed class LogEmailSender(ILogger<LogEmailSender> logger) : IEmailSender
{
    public Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        logger.LogInformation("E-mail to {To}: {Subject}\n{Body}", message.To, message.Subject, message.TextBody);
        return Task.CompletedTask;
    }
}
