namespace CampusKonseling.Notifications;

public sealed record EmailMessage(string To, string Subject, string TextBody);

/// <summary>Sends e-mail for the current tenant. Until a notifications module is enabled, mail is written to the log.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct = default);
}
