namespace CampusKonseling.Notifications;

/// <summary>An e-mail: plain text always; an HTML alternative when the sender adds the campus's letterhead.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null, string? From = null)
{
    /// <summary>
    /// Account mail (a password-reset link): delivered only through the platform's mail server, never a
    /// campus's own, which the campus administrator configures and could read a counselor's link on.
    /// </summary>
    public bool PlatformOnly { get; init; }
}

/// <summary>Sends e-mail for the current tenant. Until a notifications module is enabled, mail is written to the log.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct = default);
}
