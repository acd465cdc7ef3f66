using CampusKonseling.Shell;
using CampusKonseling.Site;

namespace CampusKonseling.Notifications.Channels;

/// <summary>
/// Sends a campus's e-mail through its own SMTP server when it has one, else through the platform's;
/// account mail (<see cref="EmailMessage.PlatformOnly"/>) always through the platform's.
/// </summary>
public sealed class EmailChannel(ChannelSettingsStore store, IEmailSender platform, SmtpTransport transport, PublicLinks links)
{
    public async Task SendAsync(ChannelSettings settings, CampusSettings campus, string to, string subject, string text, CancellationToken ct, bool platformOnly = false)
    {
        var lang = campus.DefaultCulture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "id";
        var message = new EmailMessage(to, subject, text, Letterhead.Html(campus, links.Absolute(campus.LogoUrl), text, lang));
        if (settings.HasOwnSmtp && !platformOnly) await transport.SendAsync(Server(settings, campus), message, ct);
        else await platform.SendAsync(message, ct);
    }

    private SmtpServer Server(ChannelSettings settings, CampusSettings campus)
    {
        var host = settings.SmtpHost!.Trim();
        return new SmtpServer(host, settings.SmtpPort, settings.SmtpSecurity, settings.SmtpUser, store.Reveal(settings.SmtpPasswordProtected),
            settings.SmtpFrom ?? $"{campus.CampusName} <noreply@{host}>", store.Reveal(settings.SmtpOAuthTokenProtected));
    }
}
