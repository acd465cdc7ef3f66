using CampusKonseling.Notifications;

namespace CampusKonseling.Identity.Security;

/// <summary>
/// Mail about a person's own account (a reset link, an e-mail change) goes through the campus outbox, never
/// inside the request; only a platform built without the Notifications module (no outbox) sends it directly.
/// Callers mark it <see cref="EmailMessage.PlatformOnly"/>: the campus's own SMTP server is the campus admin's.
/// </summary>
public static class AccountMail
{
    public static async Task SendAsync(IServiceProvider services, EmailMessage message, CancellationToken ct)
    {
        if (services.GetService<IOutbox>() is { } outbox)
        {
            await outbox.EnqueueAsync(message, null, ct);
            outbox.Wake();
            return;
        }
        await services.GetRequiredService<IEmailSender>().SendAsync(message, ct);
    }
}
