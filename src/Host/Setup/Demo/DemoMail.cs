using CampusKonseling.Notifications;

namespace CampusKonseling.Host.Setup.Demo;

/// <summary>
/// Mail of the demo semester's past is not sent: what is delivered while the semester is written (acknowledgments,
/// reminders, escalations, tickets of weeks ago) and anything to the demo's fictitious addresses, under the reserved
/// top-level domain <c>.example</c> (RFC 2606), which no mail server delivers. It is accepted and dropped, so it neither
/// floods the log of <c>./run.sh</c> nor bounces from a real relay. Every other message goes on as usual.
/// </summary>
public sealed class DemoMail(IEmailSender inner) : IEmailSender
{
    public const string Domain = "contoh.example";

    public static bool IsFictitious(string address) => address.TrimEnd().EndsWith(".example", StringComparison.OrdinalIgnoreCase);

    public Task SendAsync(EmailMessage message, CancellationToken ct = default) =>
        DemoClock.Travelling || IsFictitious(message.To) ? Task.CompletedTask : inner.SendAsync(message, ct);
}
